using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PepFunctions.App.Web.Localization;

/// <summary>Marks the one string table the pages share, for <c>IStringLocalizer&lt;Texts&gt;</c>.</summary>
internal sealed class Texts;

/// <summary>Reads <see cref="StringTable"/> in the request's UI culture (set by request localization).</summary>
internal sealed class TableStringLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => Localize(name, null);

    public LocalizedString this[string name, params object[] arguments] => Localize(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        StringTable.Keys.Select(key => this[key]);

    private static LocalizedString Localize(string name, object[]? arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = StringTable.Find(name, culture);
        var value = text ?? name;
        if (arguments is { Length: > 0 })
        {
            value = string.Format(CultureInfo.CurrentCulture, value, arguments);
        }

        return new LocalizedString(name, value, resourceNotFound: text is null);
    }
}

/// <summary>Hands every page the one <see cref="TableStringLocalizer"/>.</summary>
internal sealed class TableStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly TableStringLocalizer _localizer = new();

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
