using PepFunctions.App.Files;
using PepFunctions.Domain;

namespace PepFunctions.App.Capital;

/// <summary>Refers a person to a financing partner. The kind may be left out for a partner the programme knows.</summary>
public sealed record ReferralRequest(string? PartnerName, FinancingPartnerKind? Kind, long? Amount, string? Purpose);

/// <summary>The partner's answer: <see cref="ReferralStatus.Accepted"/>, <see cref="ReferralStatus.Rejected"/> (with a reason) or <see cref="ReferralStatus.Disbursed"/>.</summary>
public sealed record ReferralAnswerRequest(ReferralStatus? Status, string? Reason);

/// <summary>The dates of one permit; both null means not applied for.</summary>
public sealed record PermitRequest(DateOnly? AppliedOn, DateOnly? GrantedOn);

/// <summary>A KUR tier, as the referral form shows it.</summary>
public sealed record KurTierResponse(string Name, long MaximumRupiah, string Maximum, bool CollateralRequired)
{
    internal static KurTierResponse? From(KurTier? tier) =>
        tier is null ? null : new(tier.Name, tier.MaximumRupiah, Rupiah.Format(tier.MaximumRupiah), tier.CollateralRequired);
}

/// <summary>A capital referral.</summary>
public sealed record ReferralResponse(
    string ReferralId, string CaseId, string PartnerName, FinancingPartnerKind Kind, long Amount, string AmountText, string Purpose,
    KurTierResponse? KurTier, ReferralStatus Status, string? Reason, IReadOnlyList<ReferralStatus> NextStatuses,
    string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RejectedAt, DateTimeOffset? DisbursedAt)
{
    internal static ReferralResponse From(ReferralEntity row)
    {
        var status = Enum.Parse<ReferralStatus>(row.Status);
        var kind = Enum.Parse<FinancingPartnerKind>(row.PartnerKind);
        return new(row.RowKey, row.PartitionKey, row.PartnerName, kind, row.Amount, Rupiah.Format(row.Amount), row.Purpose,
            KurTierResponse.From(kind == FinancingPartnerKind.KurBank ? Domain.KurTier.For(row.Amount) : null),
            status, row.Reason, ReferralTransitions.AllowedFrom(status), row.SubmittedBy, row.SubmittedAt, row.AcceptedAt, row.RejectedAt, row.DisbursedAt);
    }
}

/// <summary>A capital referral still waiting for the partner's answer.</summary>
/// <param name="CaseId">The person's case.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="OfficeCode">The office holding the case now (which may differ from the one that submitted the referral).</param>
/// <param name="PartnerName">The financing partner.</param>
/// <param name="SubmittedBy">Who submitted it.</param>
/// <param name="SubmittedAt">When.</param>
public sealed record WaitingReferralResponse(
    string CaseId, string ReferralId, string OfficeCode, string PartnerName, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>One permit of a case's checklist.</summary>
public sealed record PermitResponse(PermitKind Kind, PermitStatus Status, DateOnly? AppliedOn, DateOnly? GrantedOn)
{
    internal static PermitResponse From(Permit permit) => new(permit.Kind, permit.Status, permit.AppliedOn, permit.GrantedOn);

    internal static Permit ToPermit(PermitEntity row) => new(
        Enum.Parse<PermitKind>(row.RowKey),
        row.AppliedOn is null ? null : Dates.Parse(row.AppliedOn),
        row.GrantedOn is null ? null : Dates.Parse(row.GrantedOn));
}
