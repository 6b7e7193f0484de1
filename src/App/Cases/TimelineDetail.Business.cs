using System.Globalization;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

// The training, capital and marketing actions on a person's timeline. Their details hold ids, enum names, amounts and
// dates only: partner, product and exhibition names are free text staff type, so the page looks them up by id.
internal sealed partial record TimelineDetail
{
    /// <summary>The person was placed in training batch <paramref name="batchId"/> of <paramref name="track"/>.</summary>
    public static TimelineDetail TrainingEnrolled(string batchId, TrainingTrack track) => new(
        $"Batch {batchId} ({track})",
        new Dictionary<string, string> { [TimelineParameters.Batch] = batchId, [TimelineParameters.Track] = track.ToString() });

    /// <summary>The roll call of <paramref name="session"/> of <paramref name="batchId"/> found the person <paramref name="present"/> or not.</summary>
    public static TimelineDetail AttendanceRecorded(string batchId, int session, bool present) => new(
        $"Batch {batchId}, session {Invariant(session)}: {(present ? "present" : "absent")}",
        new Dictionary<string, string>
        {
            [TimelineParameters.Batch] = batchId,
            [TimelineParameters.Session] = Invariant(session),
            [TimelineParameters.Present] = Flag(present),
        });

    /// <summary>The final assessment in <paramref name="batchId"/> and what the completion rule made of it.</summary>
    public static TimelineDetail TrainingResultRecorded(string batchId, bool passed, bool completed, decimal attendancePercent)
    {
        var percent = attendancePercent.ToString("0.#", CultureInfo.InvariantCulture);
        return new(
            $"Batch {batchId}: final assessment {(passed ? "passed" : "failed")}, attendance {percent}%: {(completed ? "completed" : "not completed")}",
            new Dictionary<string, string>
            {
                [TimelineParameters.Batch] = batchId,
                [TimelineParameters.Passed] = Flag(passed),
                [TimelineParameters.Completed] = Flag(completed),
                [TimelineParameters.AttendancePercent] = percent,
            });
    }

    /// <summary>Referral <paramref name="referralId"/> to a partner of <paramref name="kind"/> for <paramref name="amount"/> rupiah.</summary>
    public static TimelineDetail ReferralSubmitted(string referralId, FinancingPartnerKind kind, long amount) => new(
        $"{referralId}: {kind}, {Rupiah.Format(amount)}",
        new Dictionary<string, string>
        {
            [TimelineParameters.Referral] = referralId,
            [TimelineParameters.PartnerKind] = kind.ToString(),
            [TimelineParameters.Amount] = amount.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>The partner's answer moved referral <paramref name="referralId"/> to <paramref name="status"/>.</summary>
    public static TimelineDetail ReferralAnswered(string referralId, ReferralStatus status) => new(
        $"{referralId}: {status}",
        new Dictionary<string, string> { [TimelineParameters.Referral] = referralId, [TimelineParameters.ReferralStatus] = status.ToString() });

    /// <summary>The dates of a permit were set; both empty says it was not applied for.</summary>
    public static TimelineDetail PermitRecorded(Permit permit)
    {
        var values = new Dictionary<string, string>
        {
            [TimelineParameters.Permit] = permit.Kind.ToString(),
            [TimelineParameters.PermitStatus] = permit.Status.ToString(),
        };
        var text = $"{permit.Kind}: {permit.Status}";
        if (permit.AppliedOn is { } applied)
        {
            values[TimelineParameters.AppliedOn] = Day(applied);
            text += $", applied for on {Day(applied)}";
        }

        if (permit.GrantedOn is { } granted)
        {
            values[TimelineParameters.GrantedOn] = Day(granted);
            text += $", granted on {Day(granted)}";
        }

        return new(text, values);
    }

    /// <summary>Product <paramref name="productId"/> of <paramref name="category"/> at <paramref name="priceRupiah"/> was added.</summary>
    public static TimelineDetail ProductAdded(string productId, ProductCategory category, long priceRupiah) => new(
        $"{productId}: {category}, {Rupiah.Format(priceRupiah)}",
        new Dictionary<string, string>
        {
            [TimelineParameters.Product] = productId,
            [TimelineParameters.Category] = category.ToString(),
            [TimelineParameters.Amount] = priceRupiah.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>The person's certificate of training batch <paramref name="batchId"/> was uploaded.</summary>
    public static TimelineDetail CertificateUploaded(string batchId) => new(
        $"Batch {batchId}", new Dictionary<string, string> { [TimelineParameters.Batch] = batchId });

    /// <summary>A photo of product <paramref name="productId"/> was uploaded.</summary>
    public static TimelineDetail ProductPhotoUploaded(string productId) => new(
        productId, new Dictionary<string, string> { [TimelineParameters.Product] = productId });

    /// <summary>Product <paramref name="productId"/> was nominated as <i>produk unggulan</i>.</summary>
    public static TimelineDetail ProductNominated(string productId) => new(
        productId, new Dictionary<string, string> { [TimelineParameters.Product] = productId });

    /// <summary>A curator decided <paramref name="decision"/> on product <paramref name="productId"/>.</summary>
    public static TimelineDetail ProductCurated(string productId, CurationStatus decision) => new(
        $"{productId}: {decision}",
        new Dictionary<string, string> { [TimelineParameters.Product] = productId, [TimelineParameters.Curation] = decision.ToString() });

    /// <summary>An exhibition (on <paramref name="date"/>) or sales channel of <paramref name="kind"/> was recorded for product <paramref name="productId"/>.</summary>
    public static TimelineDetail ShowcaseAdded(string productId, string showcaseId, string kind, DateOnly? date)
    {
        var values = new Dictionary<string, string>
        {
            [TimelineParameters.Product] = productId,
            [TimelineParameters.Showcase] = showcaseId,
            [TimelineParameters.ShowcaseKind] = kind,
        };
        var text = $"{kind} for {productId}";
        if (date is { } day)
        {
            values[TimelineParameters.Date] = Day(day);
            text += $" on {Day(day)}";
        }

        return new(text, values);
    }

    /// <summary>The sales of <paramref name="month"/> (<c>yyyy-MM</c>) were recorded as <paramref name="salesRupiah"/>.</summary>
    public static TimelineDetail SalesRecorded(string month, long salesRupiah) => new(
        $"{month}: {Rupiah.Format(salesRupiah)}",
        new Dictionary<string, string>
        {
            [TimelineParameters.Month] = month,
            [TimelineParameters.Amount] = salesRupiah.ToString(CultureInfo.InvariantCulture),
        });

    private static string Flag(bool value) => value ? "true" : "false";
}

/// <summary>The keys of the training, capital and marketing details.</summary>
internal static partial class TimelineParameters
{
    /// <summary>A training batch id.</summary>
    public const string Batch = "batch";

    /// <summary>A <see cref="TrainingTrack"/> name.</summary>
    public const string Track = "track";

    /// <summary>A roll call's session number.</summary>
    public const string Session = "session";

    /// <summary><c>true</c> or <c>false</c>: at the session.</summary>
    public const string Present = "present";

    /// <summary><c>true</c> or <c>false</c>: passed the final assessment.</summary>
    public const string Passed = "passed";

    /// <summary><c>true</c> or <c>false</c>: completed the training by the completion rule.</summary>
    public const string Completed = "completed";

    /// <summary>The share of sessions attended, invariant, e.g. <c>87.5</c>.</summary>
    public const string AttendancePercent = "attendancePercent";

    /// <summary>A referral id.</summary>
    public const string Referral = "referral";

    /// <summary>A <see cref="FinancingPartnerKind"/> name.</summary>
    public const string PartnerKind = "partnerKind";

    /// <summary>Whole rupiah, invariant digits.</summary>
    public const string Amount = "amount";

    /// <summary>A <see cref="Domain.ReferralStatus"/> name.</summary>
    public const string ReferralStatus = "referralStatus";

    /// <summary>A <see cref="PermitKind"/> name.</summary>
    public const string Permit = "permit";

    /// <summary>A <see cref="Domain.PermitStatus"/> name.</summary>
    public const string PermitStatus = "permitStatus";

    /// <summary>The day a permit was applied for, yyyy-MM-dd.</summary>
    public const string AppliedOn = "appliedOn";

    /// <summary>The day a permit was granted, yyyy-MM-dd.</summary>
    public const string GrantedOn = "grantedOn";

    /// <summary>A product id.</summary>
    public const string Product = "product";

    /// <summary>A <see cref="ProductCategory"/> name.</summary>
    public const string Category = "category";

    /// <summary>A <see cref="CurationStatus"/> name: the curator's decision.</summary>
    public const string Curation = "curation";

    /// <summary>An exhibition's or sales channel's id.</summary>
    public const string Showcase = "showcase";

    /// <summary>A <c>ShowcaseKind</c> name.</summary>
    public const string ShowcaseKind = "showcaseKind";

    /// <summary>A calendar month, yyyy-MM.</summary>
    public const string Month = "month";
}
