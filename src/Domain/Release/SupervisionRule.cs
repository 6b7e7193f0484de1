using System.Globalization;

namespace PepFunctions.Domain;

/// <summary>How long a Bapas supervises a person after release.</summary>
/// <remarks>
/// PB (parole): until the end of the sentence plus one year. CB, CMB and asimilasi: until the end of the
/// sentence. End of sentence: no supervision (<see langword="null"/>); mentoring is then voluntary.
/// </remarks>
public static class SupervisionRule
{
    /// <summary>The last day of supervision, or <see langword="null"/> when the release is not supervised.</summary>
    /// <param name="kind">How the person was released.</param>
    /// <param name="releaseDate">The day of release.</param>
    /// <param name="sentenceEnd">The day the sentence would have ended (<i>tanggal ekspirasi</i>); on or after <paramref name="releaseDate"/>.</param>
    /// <exception cref="ArgumentException">The sentence ends before the release, which no integration programme allows.</exception>
    public static DateOnly? SupervisionEnd(ReleaseKind kind, DateOnly releaseDate, DateOnly sentenceEnd)
    {
        if (kind != ReleaseKind.EndOfSentence && sentenceEnd < releaseDate)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The sentence end {sentenceEnd:yyyy-MM-dd} is before the release on {releaseDate:yyyy-MM-dd}."),
                nameof(sentenceEnd));
        }

        return kind switch
        {
            ReleaseKind.EndOfSentence => null,
            ReleaseKind.Parole => sentenceEnd.AddYears(1),
            ReleaseKind.ConditionalLeave or ReleaseKind.PreReleaseLeave or ReleaseKind.Assimilation => sentenceEnd,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown release kind."),
        };
    }
}
