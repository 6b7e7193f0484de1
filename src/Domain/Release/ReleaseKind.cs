namespace PepFunctions.Domain;

/// <summary>How a person leaves the Lapas. Names and abbreviations: <see cref="ReleaseKindNames"/>.</summary>
/// <remarks>
/// Every kind but <see cref="EndOfSentence"/> is an integration programme: the person becomes a <i>klien</i>
/// of a Bapas, whose PK supervises them (<see cref="SupervisionRule"/>).
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<ReleaseKind>))]
public enum ReleaseKind
{
    /// <summary><i>Bebas murni</i>: the sentence has been served in full.</summary>
    EndOfSentence,

    /// <summary>PB, <i>pembebasan bersyarat</i> (parole): after two thirds of the sentence; supervised for the rest of the sentence plus one year.</summary>
    Parole,

    /// <summary>CB, <i>cuti bersyarat</i> (conditional leave).</summary>
    ConditionalLeave,

    /// <summary>CMB, <i>cuti menjelang bebas</i> (leave before release), up to six months before the sentence ends.</summary>
    PreReleaseLeave,

    /// <summary><i>Asimilasi</i> (assimilation): serving part of the sentence in the community.</summary>
    Assimilation,
}
