namespace PepFunctions.Domain;

/// <summary>The Indonesian names and abbreviations of <see cref="ReleaseKind"/>.</summary>
public static class ReleaseKindNames
{
    /// <summary>The full Indonesian name, e.g. <c>Pembebasan bersyarat</c>.</summary>
    public static string IndonesianName(this ReleaseKind kind) => kind switch
    {
        ReleaseKind.EndOfSentence => "Bebas murni",
        ReleaseKind.Parole => "Pembebasan bersyarat",
        ReleaseKind.ConditionalLeave => "Cuti bersyarat",
        ReleaseKind.PreReleaseLeave => "Cuti menjelang bebas",
        ReleaseKind.Assimilation => "Asimilasi",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown release kind."),
    };

    /// <summary>The short form staff write: <c>PB</c>, <c>CB</c>, <c>CMB</c>, <c>asimilasi</c>; the full name for end of sentence.</summary>
    public static string Abbreviation(this ReleaseKind kind) => kind switch
    {
        ReleaseKind.Parole => "PB",
        ReleaseKind.ConditionalLeave => "CB",
        ReleaseKind.PreReleaseLeave => "CMB",
        ReleaseKind.Assimilation => "asimilasi",
        _ => kind.IndonesianName(),
    };
}
