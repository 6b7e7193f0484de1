using static PepFunctions.Domain.ReferralStatus;

namespace PepFunctions.Domain;

/// <summary>The allowed moves of a capital referral's status.</summary>
/// <remarks>
/// Submitted → Accepted or Rejected; Accepted → Disbursed or Rejected (the partner may still decline after a
/// survey). Rejected and Disbursed are final. Anything else — disbursing before accepting, reopening a
/// rejection — is refused with a message saying what must happen first.
/// </remarks>
public static class ReferralTransitions
{
    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Next = new()
    {
        [Submitted] = [Accepted, Rejected],
        [Accepted]  = [Disbursed, Rejected],
        [Rejected]  = [],
        [Disbursed] = [],
    };

    /// <summary>The statuses a referral in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<ReferralStatus> AllowedFrom(ReferralStatus from) =>
        Next.TryGetValue(from, out var next)
            ? Array.AsReadOnly(next)
            : throw new ArgumentOutOfRangeException(nameof(from), from, "Unknown referral status.");

    /// <summary>Whether a referral may move from <paramref name="from"/> to <paramref name="to"/>, and if not, why.</summary>
    public static StatusChange Check(ReferralStatus from, ReferralStatus to)
    {
        if (AllowedFrom(from).Contains(to))
        {
            return new StatusChange(true, null);
        }

        var message = (from, to) switch
        {
            (_, _) when from == to => $"The referral is already {from}.",
            (Submitted, Disbursed) => "A referral cannot be Disbursed before the partner has Accepted it.",
            (Rejected or Disbursed, _) => $"The referral is {from}, which is final; submit a new referral instead.",
            (_, Submitted) => "A referral cannot go back to Submitted.",
            _ => $"A referral cannot move from {from} to {to}.",
        };
        return new StatusChange(false, message);
    }

    /// <summary>Moves a referral's status, refusing an invalid move.</summary>
    /// <exception cref="InvalidOperationException">The move is not allowed; the message says why.</exception>
    public static ReferralStatus Apply(ReferralStatus from, ReferralStatus to)
    {
        var change = Check(from, to);
        return change.Allowed ? to : throw new InvalidOperationException(change.Message);
    }
}
