namespace PepFunctions.Domain;

/// <summary>The kind of small business (UMKM, <i>usaha mikro, kecil dan menengah</i>) a person would like to run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BusinessType>))]
public enum BusinessType
{
    /// <summary>Making food to sell.</summary>
    Food,

    /// <summary>Clothing and cloth: batik, sewing, woven cloth.</summary>
    Fashion,

    /// <summary>Beauty services and products.</summary>
    Beauty,

    /// <summary>Handicrafts and furniture.</summary>
    Crafts,

    /// <summary>Growing and processing farm produce.</summary>
    Agriculture,

    /// <summary>Buying and selling (a stall, a kiosk).</summary>
    Trade,
}
