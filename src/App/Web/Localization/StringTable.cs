using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Web.Localization;

/// <summary>
/// Marks the one set of page texts, <c>Texts.resx</c> (Bahasa Indonesia, the default) and <c>Texts.en.resx</c> (English) beside
/// this file, for <c>IStringLocalizer&lt;Texts&gt;</c>: ASP.NET Core's resource localizer reads them, and translators' tools edit them.
/// </summary>
internal sealed class Texts;

/// <summary>
/// The page texts outside a page (tests, service messages' prefixes), over the same <c>.resx</c> resources the pages'
/// <see cref="IStringLocalizer"/> reads.
/// </summary>
/// <remarks>
/// Keys are dotted names (<c>Nav.Home</c>) for page chrome, and the exact English sentence for messages the services raise
/// (<c>The full name is required.</c>), or its beginning after <c>~</c> for messages that name values, so a service message is
/// translated when the resources know it and shown as it is otherwise (<see cref="ServiceMessages"/>).
/// </remarks>
internal static class StringTable
{
    /// <summary>The default language of the pages.</summary>
    public const string Indonesian = "id";

    /// <summary>The other language.</summary>
    public const string English = "en";

    private static readonly ResourceManager Resources = new(typeof(Texts).FullName!, typeof(Texts).Assembly);

    private static readonly Lazy<IReadOnlyList<string>> AllKeys = new(() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal)]);

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>'s language, or null when the resources have none.</summary>
    public static string? Find(string key, CultureInfo culture) =>
        IsEnglish(culture)
            ? Resources.GetResourceSet(new CultureInfo(English), createIfNotExists: true, tryParents: false)?.GetString(key)
            : Resources.GetString(key, CultureInfo.InvariantCulture);

    /// <summary>Every key of the default language.</summary>
    public static IEnumerable<string> Keys => AllKeys.Value;

    /// <summary>Whether <paramref name="culture"/> is English (else Indonesian, the default).</summary>
    public static bool IsEnglish(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == English;

    /// <summary>A localizer over the page texts, as the pages get it, for code and tests outside a request.</summary>
    public static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Texts));
}
