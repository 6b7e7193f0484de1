namespace PepFunctions.Domain;

/// <summary>What a Bapas officer or Pokmas Lipas mentor records at a follow-up.</summary>
/// <param name="Date">The day of the visit or call.</param>
/// <param name="Mode">In person or by phone.</param>
/// <param name="BusinessStatus">Where the business stands.</param>
/// <param name="IncomeBand">Monthly income band.</param>
/// <param name="Needs">What support the person asks for (capital, permits, marketing); <see langword="null"/> when none.</param>
/// <param name="Notes">Anything else; <see langword="null"/> when none.</param>
public sealed record FollowUpVisit(
    DateOnly Date,
    ContactMode Mode,
    BusinessStatus BusinessStatus,
    IncomeBand IncomeBand,
    string? Needs,
    string? Notes)
{
    /// <summary>Longest <see cref="Needs"/> or <see cref="Notes"/> accepted.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>What is wrong with the visit, field by field; empty when it is valid.</summary>
    /// <param name="today">Today, from the caller's clock: a visit cannot be recorded for a future day.</param>
    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (Date > today)
        {
            errors.Add(new(nameof(Date), "A follow-up cannot be recorded for a future date."));
        }

        if (Needs?.Length > MaxTextLength)
        {
            errors.Add(new(nameof(Needs), $"Needs must be at most {MaxTextLength} characters."));
        }

        if (Notes?.Length > MaxTextLength)
        {
            errors.Add(new(nameof(Notes), $"Notes must be at most {MaxTextLength} characters."));
        }

        return errors;
    }
}
