namespace PepFunctions.Domain;

/// <summary>A national curator's decision on a nominated product.</summary>
/// <param name="Status">Pending, approved or rejected.</param>
/// <param name="DecidedBy">The curator's username; <see langword="null"/> while pending.</param>
/// <param name="DecidedAt">When; <see langword="null"/> while pending.</param>
/// <param name="Reason">Why; required for a rejection, so the office knows what to improve.</param>
/// <remarks>Use <see cref="Pending"/>, <see cref="Approve"/> and <see cref="Reject"/>, which keep the fields consistent.</remarks>
public sealed record CurationDecision(CurationStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    /// <summary>Not decided yet.</summary>
    public static CurationDecision Pending { get; } = new(CurationStatus.Pending, null, null, null);

    /// <summary>An approval by <paramref name="curator"/> at <paramref name="at"/>.</summary>
    public static CurationDecision Approve(string curator, DateTimeOffset at, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(curator);
        return new(CurationStatus.Approved, curator, at, reason);
    }

    /// <summary>A rejection by <paramref name="curator"/> at <paramref name="at"/>, with the reason.</summary>
    public static CurationDecision Reject(string curator, DateTimeOffset at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(curator);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(CurationStatus.Rejected, curator, at, reason);
    }

    /// <summary>What is wrong with the decision's fields; empty when they are consistent.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Status != CurationStatus.Pending && string.IsNullOrWhiteSpace(DecidedBy))
        {
            errors.Add(new(nameof(DecidedBy), "A decision names the curator who made it."));
        }

        if (Status != CurationStatus.Pending && DecidedAt is null)
        {
            errors.Add(new(nameof(DecidedAt), "A decision records when it was made."));
        }

        if (Status == CurationStatus.Rejected && string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add(new(nameof(Reason), "A rejection gives the reason, so the office knows what to improve."));
        }

        return errors;
    }
}
