using System.Globalization;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Cases;
using PepFunctions.App.Marketing;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

// The training, capital and marketing entries. Their parameters hold ids, not the names staff typed: the page names a referral
// by its partner and a product by its name where it has them.
internal static partial class TimelineDetailText
{
    private static string? TryRenderBusiness(IStringLocalizer l, string action, Values values, IReadOnlyDictionary<string, string> names)
    {
        var key = $"TimelineDetail.{action}";
        return action switch
        {
            nameof(TimelineAction.TrainingEnrolled) when values.Text(TimelineParameters.Batch) is { } batch
                && values.Enum<TrainingTrack>(TimelineParameters.Track) is { } track =>
                l[key, Names.Track(track), batch],
            nameof(TimelineAction.AttendanceRecorded) when values.Text(TimelineParameters.Batch) is { } batch
                && values.Number(TimelineParameters.Session) is { } session && values.Flag(TimelineParameters.Present) is { } present =>
                l[key, session, l[present ? "TimelineDetail.Present" : "TimelineDetail.Absent"], batch],
            nameof(TimelineAction.TrainingResultRecorded) when values.Text(TimelineParameters.Batch) is { } batch
                && values.Flag(TimelineParameters.Passed) is { } passed && values.Flag(TimelineParameters.Completed) is { } completed
                && values.Decimal(TimelineParameters.AttendancePercent) is { } percent =>
                l[key, l[passed ? "TimelineDetail.Passed" : "TimelineDetail.Failed"], percent.ToString("0.#", CultureInfo.CurrentCulture),
                    l[completed ? "TimelineDetail.Completed" : "TimelineDetail.NotCompleted"], batch],
            nameof(TimelineAction.ReferralSubmitted) when values.Text(TimelineParameters.Referral) is { } referral
                && values.Enum<FinancingPartnerKind>(TimelineParameters.PartnerKind) is { } kind && values.Amount(TimelineParameters.Amount) is { } amount =>
                l[key, names.GetValueOrDefault(referral) ?? l.Of(kind), Names.Rupiah(amount)],
            nameof(TimelineAction.ReferralAnswered) when values.Text(TimelineParameters.Referral) is { } referral
                && values.Enum<ReferralStatus>(TimelineParameters.ReferralStatus) is { } status =>
                l[key, names.GetValueOrDefault(referral) ?? referral, l.Of(status)],
            nameof(TimelineAction.PermitRecorded) when values.Enum<PermitKind>(TimelineParameters.Permit) is { } permit
                && values.Enum<PermitStatus>(TimelineParameters.PermitStatus) is { } status =>
                Permit(l, permit, status, values.Day(TimelineParameters.AppliedOn), values.Day(TimelineParameters.GrantedOn)),
            nameof(TimelineAction.ProductAdded) when values.Text(TimelineParameters.Product) is { } product
                && values.Enum<ProductCategory>(TimelineParameters.Category) is { } category && values.Amount(TimelineParameters.Amount) is { } price =>
                l[key, names.GetValueOrDefault(product) ?? product, l.Of(category), Names.Rupiah(price)],
            nameof(TimelineAction.CertificateUploaded) when values.Text(TimelineParameters.Batch) is { } batch =>
                l[key, batch],
            nameof(TimelineAction.ProductPhotoUploaded) when values.Text(TimelineParameters.Product) is { } product =>
                l[key, names.GetValueOrDefault(product) ?? product],
            nameof(TimelineAction.ProductNominated) when values.Text(TimelineParameters.Product) is { } product =>
                l[key, names.GetValueOrDefault(product) ?? product],
            nameof(TimelineAction.ProductCurated) when values.Text(TimelineParameters.Product) is { } product
                && values.Enum<CurationStatus>(TimelineParameters.Curation) is { } decision =>
                l[key, names.GetValueOrDefault(product) ?? product, l.Of(decision)],
            nameof(TimelineAction.ShowcaseAdded) when values.Text(TimelineParameters.Product) is { } product
                && values.Enum<ShowcaseKind>(TimelineParameters.ShowcaseKind) is { } kind =>
                values.Day(TimelineParameters.Date) is { } date
                    ? l["TimelineDetail.ShowcaseAddedOn", l.Of(kind), names.GetValueOrDefault(product) ?? product, Names.Date(date)]
                    : l[key, l.Of(kind), names.GetValueOrDefault(product) ?? product],
            nameof(TimelineAction.SalesRecorded) when values.Month(TimelineParameters.Month) is { } month && values.Amount(TimelineParameters.Amount) is { } sales =>
                l[key, month.ToString("MMMM yyyy", CultureInfo.CurrentCulture), Names.Rupiah(sales)],
            _ => null,
        };
    }

    /// <summary>A permit with the dates that make its status: e.g. <c>Sertifikat halal: terbit 3 Mar 2025 (diajukan 1 Feb 2025)</c>.</summary>
    private static string Permit(IStringLocalizer l, PermitKind permit, PermitStatus status, DateOnly? applied, DateOnly? granted) =>
        (status, applied, granted) switch
        {
            (PermitStatus.Granted, { } appliedOn, { } grantedOn) => l["TimelineDetail.PermitGranted", l.Of(permit), Names.Date(grantedOn), Names.Date(appliedOn)].Value,
            (PermitStatus.Applied, { } appliedOn, _) => l["TimelineDetail.PermitApplied", l.Of(permit), Names.Date(appliedOn)].Value,
            _ => l["TimelineDetail.PermitRecorded", l.Of(permit), l.Of(status)].Value,
        };
}
