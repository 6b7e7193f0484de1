namespace PepFunctions.Domain;

/// <summary>A permit or certificate a small business may need.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermitKind>))]
public enum PermitKind
{
    /// <summary>NIB (<i>Nomor Induk Berusaha</i>), the business identification number, issued through OSS (Online Single Submission).</summary>
    Nib,

    /// <summary>SPP-IRT (<i>Sertifikat Produksi Pangan Industri Rumah Tangga</i>), the licence for food made at home.</summary>
    SppIrt,

    /// <summary>Halal certificate.</summary>
    Halal,

    /// <summary>Registration with BPOM (<i>Badan Pengawas Obat dan Makanan</i>, the food and drug authority), for processed food and cosmetics.</summary>
    Bpom,
}
