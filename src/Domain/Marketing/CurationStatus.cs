namespace PepFunctions.Domain;

/// <summary>Where a nominated product stands in national curation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CurationStatus>))]
public enum CurationStatus
{
    /// <summary>Nominated; not yet decided.</summary>
    Pending,

    /// <summary>Curated as <i>produk unggulan</i>: marketed nationally.</summary>
    Approved,

    /// <summary>Not taken up this time; the reason says what to improve.</summary>
    Rejected,
}
