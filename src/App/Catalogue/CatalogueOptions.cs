using System.ComponentModel.DataAnnotations;

namespace PepFunctions.App.Catalogue;

/// <summary>The public catalogue's settings (section <c>Catalogue</c>).</summary>
public sealed class CatalogueOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Catalogue";

    /// <summary>
    /// How long one reading of the curated products serves every visitor, in this process and in the anonymous
    /// visitors' caches (<c>Cache-Control: max-age</c>). A withdrawn consent or an erasure drops a product within it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How to order from each UPT, by office code (<c>Catalogue__OrderContacts__LPP-KUPANG</c>): a telephone or WhatsApp
    /// number or an address of the office's Giatja (work activities) section. Offices without one show the office's name.
    /// </summary>
    public Dictionary<string, string> OrderContacts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
