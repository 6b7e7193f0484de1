using Azure;
using Azure.Data.Tables;

namespace PepFunctions.App.Capital;

/// <summary>The capital tables' names after the hub prefix.</summary>
internal static class CapitalTables
{
    /// <summary>PartitionKey = case id, RowKey = referral id.</summary>
    public const string Referrals = "Referrals";

    /// <summary>PartitionKey = submitted date (UTC, yyyy-MM-dd), RowKey = <c>caseId|referralId</c>: referrals still waiting for the partner's answer.</summary>
    public const string ReferralsWaiting = "ReferralsWaiting";

    /// <summary>PartitionKey = case id, RowKey = permit kind.</summary>
    public const string Permits = "Permits";
}

/// <summary>A row of <c>Referrals</c>.</summary>
internal sealed class ReferralEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The referral id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string PartnerName { get; set; } = "";

    /// <summary>A <see cref="Domain.FinancingPartnerKind"/> name.</summary>
    public string PartnerKind { get; set; } = "";

    public long Amount { get; set; }

    public string Purpose { get; set; } = "";

    /// <summary>The KUR tier's name when the partner is a KUR bank.</summary>
    public string? KurTier { get; set; }

    /// <summary>A <see cref="Domain.ReferralStatus"/> name.</summary>
    public string Status { get; set; } = "";

    /// <summary>Why the partner rejected it; or a note with another answer.</summary>
    public string? Reason { get; set; }

    /// <summary>The office holding the case when the referral was made.</summary>
    public string OfficeCode { get; set; } = "";

    public string SubmittedBy { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? RejectedAt { get; set; }

    public DateTimeOffset? DisbursedAt { get; set; }

    public string? AnsweredBy { get; set; }

    /// <summary>The idempotency key of the action that recorded the latest answer, so its retry is recognised.</summary>
    public string? AnswerKey { get; set; }
}

/// <summary>A row of <c>ReferralsWaiting</c>; deleted when the partner answers.</summary>
internal sealed class WaitingReferralEntity : ITableEntity
{
    /// <summary>The submitted date, yyyy-MM-dd (UTC).</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary><c>caseId|referralId</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string OfficeCode { get; set; } = "";

    public string SubmittedBy { get; set; } = "";

    public string PartnerName { get; set; } = "";

    public static string KeyOf(string caseId, string referralId) => caseId + "|" + referralId;

    public (string CaseId, string ReferralId) Keys()
    {
        var separator = RowKey.LastIndexOf('|');
        return (RowKey[..separator], RowKey[(separator + 1)..]);
    }
}

/// <summary>A row of <c>Permits</c>.</summary>
internal sealed class PermitEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>A <see cref="Domain.PermitKind"/> name.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>yyyy-MM-dd, or null.</summary>
    public string? AppliedOn { get; set; }

    /// <summary>yyyy-MM-dd, or null.</summary>
    public string? GrantedOn { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
