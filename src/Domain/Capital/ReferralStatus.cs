namespace PepFunctions.Domain;

/// <summary>Where a capital referral stands; <see cref="ReferralTransitions"/> says which moves are allowed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReferralStatus>))]
public enum ReferralStatus
{
    /// <summary>Sent to the partner; waiting for an answer.</summary>
    Submitted,

    /// <summary>The partner agreed to finance.</summary>
    Accepted,

    /// <summary>The partner declined. Final.</summary>
    Rejected,

    /// <summary>The money, material or equipment was handed over. Final.</summary>
    Disbursed,
}
