namespace PepFunctions.Domain;

/// <summary>A person's release, as the Lapas records it.</summary>
/// <param name="ReleaseDate">The day they left the Lapas.</param>
/// <param name="Kind">End of sentence, PB, CB, CMB or asimilasi.</param>
/// <param name="SentenceEnd">The day the sentence ends; required for every kind but <see cref="ReleaseKind.EndOfSentence"/>.</param>
public sealed record ReleaseRecord(DateOnly ReleaseDate, ReleaseKind Kind, DateOnly? SentenceEnd)
{
    /// <summary>The last day of Bapas supervision (<see cref="SupervisionRule"/>), or <see langword="null"/> when none.</summary>
    /// <exception cref="InvalidOperationException">The record is not valid; call <see cref="Validate"/> first.</exception>
    public DateOnly? SupervisionEnd() => Kind switch
    {
        ReleaseKind.EndOfSentence => null,
        _ when SentenceEnd is { } end && end >= ReleaseDate => SupervisionRule.SupervisionEnd(Kind, ReleaseDate, end),
        _ => throw new InvalidOperationException($"A {Kind.Abbreviation()} release needs a sentence end on or after the release date."),
    };

    /// <summary>What is wrong with the record, field by field; empty when it is valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        if (Kind == ReleaseKind.EndOfSentence)
        {
            return [];
        }

        if (SentenceEnd is not { } end)
        {
            return [new(nameof(SentenceEnd), $"A {Kind.Abbreviation()} release needs the date the sentence ends.")];
        }

        return end < ReleaseDate
            ? [new(nameof(SentenceEnd), "The sentence end must be on or after the release date.")]
            : [];
    }
}
