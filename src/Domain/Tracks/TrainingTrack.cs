namespace PepFunctions.Domain;

/// <summary>A training topic (<i>pelatihan</i>, <i>bimbingan teknis</i>) offered in the programme; those seen in the source articles.</summary>
/// <remarks>The declaration order is the tie-break order of <see cref="AssessmentScoring.Recommend"/>. Names: <see cref="TrainingTrackCatalog"/>.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingTrack>))]
public enum TrainingTrack
{
    /// <summary>Hand-drawn and stamped batik, with dyeing (<i>batik tulis dan cap</i>).</summary>
    Batik,

    /// <summary>Products made from batik cloth (<i>diversifikasi kain batik</i>).</summary>
    BatikProducts,

    /// <summary>Food processing (<i>olahan pangan</i>).</summary>
    FoodProcessing,

    /// <summary>Ready-to-eat snacks (<i>makanan ringan siap saji</i>).</summary>
    Snacks,

    /// <summary>Beauty salon (<i>salon kecantikan</i>).</summary>
    Salon,

    /// <summary>Handicrafts (<i>kerajinan tangan</i>).</summary>
    Crafts,

    /// <summary>Sewing (<i>menjahit</i>).</summary>
    Sewing,

    /// <summary>Virgin coconut oil (VCO).</summary>
    VirginCoconutOil,

    /// <summary>Woven ikat cloth (<i>tenun ikat</i>).</summary>
    TenunWeaving,

    /// <summary>Furniture from used bottles and tyres (<i>mebel dari barang bekas</i>).</summary>
    UpcycledFurniture,

    /// <summary>Farm produce (<i>hasil pertanian</i>).</summary>
    Farming,
}
