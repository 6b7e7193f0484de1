namespace PepFunctions.Domain;

/// <summary>What kind of product it is; the seeds show crafts, processed food and farm produce at exhibitions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProductCategory>))]
public enum ProductCategory
{
    /// <summary>Processed food and snacks (<i>olahan makanan</i>).</summary>
    Food,

    /// <summary>Batik, woven cloth, clothing.</summary>
    Textile,

    /// <summary>Handicrafts (<i>kerajinan tangan</i>).</summary>
    Craft,

    /// <summary>Furniture, including furniture from used bottles and tyres.</summary>
    Furniture,

    /// <summary>Cosmetics and oils, e.g. VCO.</summary>
    Beauty,

    /// <summary>Farm produce (<i>hasil pertanian</i>).</summary>
    Agriculture,
}
