using System.Globalization;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Cases;
using PepFunctions.App.Web.Localization;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary>
/// Says what a timeline entry holds in the page's language, from the entry's <see cref="TimelineEntryResponse.Parameters"/>
/// and the table's <c>TimelineDetail.{Action}</c> line; enum values, offices and tracks by their names.
/// </summary>
/// <remarks>
/// An entry written before parameters were kept, an action the table does not know, or a value that does not parse is
/// shown as the service recorded it (<see cref="TimelineEntryResponse.Detail"/>), so no entry loses its detail.
/// </remarks>
internal static partial class TimelineDetailText
{
    /// <summary>The entry's detail; instants in it (a next due time) are shown as days at <paramref name="officeCode"/>.</summary>
    /// <param name="l">The page's texts.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="officeCode">The office holding the case.</param>
    /// <param name="names">What the page calls a referral or product id (the partner's or product's name); an id it does not know is
    /// shown by its kind or as it is.</param>
    /// <param name="staff">Staff by display name (a mentor, a notification's recipients); usernames as they are when null.</param>
    public static string? Render(
        IStringLocalizer l, TimelineEntryResponse entry, string? officeCode, IReadOnlyDictionary<string, string>? names = null, StaffNames? staff = null) =>
        entry.Parameters.Count == 0 ? entry.Detail
        : TryRender(l, entry.Action, new Values(entry.Parameters), officeCode, staff) ?? TryRenderBusiness(l, entry.Action, new Values(entry.Parameters), names ?? Empty)
            ?? TryRenderPokmas(l, entry.Action, new Values(entry.Parameters)) ?? entry.Detail;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static string? TryRender(IStringLocalizer l, string action, Values values, string? officeCode, StaffNames? staff)
    {
        string Who(string username) => staff?.Of(username) ?? username;

        var key = $"TimelineDetail.{action}";
        return action switch
        {
            nameof(TimelineAction.Enrolled) when values.Text(TimelineParameters.Office) is { } office
                && values.List<ConsentPurpose>(TimelineParameters.Consent) is { } consent =>
                l[key, Names.Office(office), string.Join(", ", consent.Select(p => l.Of(p)))],
            nameof(TimelineAction.StageChanged) when values.Enum<PipelineStage>(TimelineParameters.Stage) is { } stage =>
                NextDue(l, values, officeCode) is { } next ? l[key, l.Of(stage), next] : l.Of(stage),
            nameof(TimelineAction.AssessmentRecorded) when values.List<TrainingTrack>(TimelineParameters.Tracks) is { } tracks =>
                l[key, tracks.Count == 0 ? l["TimelineDetail.None"] : string.Join(", ", tracks.Select(Names.Track))],
            nameof(TimelineAction.ReleaseRecorded) when values.Enum<ReleaseKind>(TimelineParameters.ReleaseKind) is { } kind
                && values.Day(TimelineParameters.Date) is { } date =>
                l[key, l.Of(kind), Names.Date(date)],
            nameof(TimelineAction.Released) when values.Enum<ReleaseKind>(TimelineParameters.ReleaseKind) is { } kind
                && values.Day(TimelineParameters.Date) is { } date && values.Text(TimelineParameters.Office) is { } office
                && values.Number(TimelineParameters.Count) is { } count =>
                l[key, l.Of(kind), Names.Date(date), Names.Office(office), values.Text(TimelineParameters.Mentor) is { } mentor ? Who(mentor) : l["TimelineDetail.None"], count],
            nameof(TimelineAction.FollowUpRecorded) when values.Number(TimelineParameters.Sequence) is { } sequence
                && values.Enum<ContactMode>(TimelineParameters.ContactMode) is { } mode
                && values.Enum<BusinessStatus>(TimelineParameters.BusinessStatus) is { } business
                && values.Enum<IncomeBand>(TimelineParameters.IncomeBand) is { } income =>
                l[key, sequence, l.Of(mode), l.Of(business), l.Of(income)],
            nameof(TimelineAction.FollowUpOverdue) when values.Number(TimelineParameters.Sequence) is { } sequence =>
                l[key, sequence],
            nameof(TimelineAction.NotificationQueued) when values.Enum<NotificationKind>(TimelineParameters.Notification) is { } kind
                && values.Text(TimelineParameters.Recipients) is { } recipients =>
                l[key, l.Of(kind), string.Join(", ", recipients.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Who))],
            nameof(TimelineAction.WithdrawalRequested) when values.Enum<WithdrawalReason>(TimelineParameters.Reason) is { } reason =>
                l[key, l.Of(reason)],
            nameof(TimelineAction.Transferred) when values.Text(TimelineParameters.From) is { } from && values.Text(TimelineParameters.To) is { } to =>
                l[key, Names.Office(from), Names.Office(to)],
            nameof(TimelineAction.MentorChanged) when values.Text(TimelineParameters.From) is { } from && values.Text(TimelineParameters.To) is { } to =>
                l[key, Who(from), Who(to)],
            nameof(TimelineAction.Closed) when values.Enum<PipelineStage>(TimelineParameters.Stage) is { } stage
                && values.Text(TimelineParameters.Reason) is { } reason =>
                l[key, l.Of(stage), Enum.TryParse<WithdrawalReason>(reason, out var withdrawal) ? l.Of(withdrawal) : ServiceMessages.Translate(reason, l)],
            nameof(TimelineAction.PipelineControlled) when values.Enum<PipelineControl>(TimelineParameters.Control) is { } control =>
                l[$"PipelineControl.{control}"],
            _ => null,
        };
    }

    /// <summary>What is due next after a stage change, e.g. <c>Pendampingan ke-1, paling lambat 5 Mei 2025</c>; null when nothing is.</summary>
    private static string? NextDue(IStringLocalizer l, Values values, string? officeCode)
    {
        if (values.Text(TimelineParameters.NextDue) is not { } nextDue)
        {
            return null;
        }

        var what = values.Number(TimelineParameters.Sequence) is { } sequence ? l["Timeline.FollowUp", sequence]
            : l[$"NextDue.{nextDue}"] is { ResourceNotFound: false } named ? named.Value : nextDue;
        return values.Instant(TimelineParameters.DueAt) is { } dueAt ? l["TimelineDetail.DueBy", what, Names.Date(dueAt, officeCode)] : what;
    }

    /// <summary>An entry's parameters, read back from their invariant form; null for a value missing or not as written.</summary>
    private readonly struct Values(IReadOnlyDictionary<string, string> parameters)
    {
        public string? Text(string key) => parameters.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        public T? Enum<T>(string key) where T : struct, Enum =>
            Text(key) is { } value && IsName<T>(value) ? System.Enum.Parse<T>(value) : null;

        public int? Number(string key) =>
            int.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        public long? Amount(string key) =>
            long.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        public decimal? Decimal(string key) =>
            decimal.TryParse(Text(key), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

        public bool? Flag(string key) => Text(key) switch { "true" => true, "false" => false, _ => null };

        public DateOnly? Month(string key) =>
            DateOnly.TryParseExact(Text(key) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

        public DateOnly? Day(string key) =>
            DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

        public DateTimeOffset? Instant(string key) =>
            DateTimeOffset.TryParse(Text(key), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : null;

        /// <summary>Comma-separated names; an empty list when the value is empty, null when a name is unknown.</summary>
        public IReadOnlyList<T>? List<T>(string key) where T : struct, Enum
        {
            if (!parameters.TryGetValue(key, out var value))
            {
                return null;
            }

            var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return names.All(IsName<T>) ? [.. names.Select(System.Enum.Parse<T>)] : null;
        }

        // Enum.TryParse would take "7" or "A, B" too; a parameter is one declared name.
        private static bool IsName<T>(string value) where T : struct, Enum => System.Enum.IsDefined(typeof(T), value);
    }
}
