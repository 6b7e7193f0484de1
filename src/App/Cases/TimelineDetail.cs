using System.Globalization;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// What a timeline entry says beyond its action: named values in invariant form (enum names, office codes, ISO dates,
/// numbers) that a page puts in its own language, and the English line the API has always shown.
/// </summary>
/// <param name="Text">The English line, e.g. <c>From LPP-KUPANG to LP-KUPANG</c>.</param>
/// <param name="Parameters">The values the line is made of, keyed by <see cref="TimelineParameters"/>; never a name or NIK.</param>
internal sealed partial record TimelineDetail(string Text, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>An administrator used an instance route on the case's pipeline.</summary>
    public static TimelineDetail PipelineControlled(PipelineControl control) => new(
        $"Administrator: {control}", new Dictionary<string, string> { [TimelineParameters.Control] = control.ToString() });

    /// <summary>The pipeline stopped (<paramref name="status"/>: Failed or Terminated) while the case is open.</summary>
    public static TimelineDetail PipelineStopped(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus status) => new(
        $"Pipeline {status}; an administrator can restart it", new Dictionary<string, string> { [TimelineParameters.Status] = status.ToString() });

    /// <summary>Enrolled at <paramref name="office"/> with consent to <paramref name="consent"/>.</summary>
    public static TimelineDetail Enrolled(string office, IEnumerable<ConsentPurpose> consent)
    {
        var scope = string.Join(", ", consent);
        return new($"At {office}; consent: {scope}", new Dictionary<string, string>
        {
            [TimelineParameters.Office] = office,
            [TimelineParameters.Consent] = scope.Replace(" ", "", StringComparison.Ordinal),
        });
    }

    /// <summary>The pipeline reached a stage; what is due next, and by when.</summary>
    public static TimelineDetail StageChanged(CaseProgress progress)
    {
        var values = new Dictionary<string, string> { [TimelineParameters.Stage] = progress.Stage.ToString() };
        var next = "";
        if (progress.NextDue is { } nextDue)
        {
            values[TimelineParameters.NextDue] = nextDue;
            next = $"; next: {nextDue}";
        }

        var followUp = "";
        if (progress.FollowUp is { } sequence)
        {
            values[TimelineParameters.Sequence] = Invariant(sequence);
            followUp = " " + Invariant(sequence);
        }

        var due = "";
        if (progress.NextDueAt is { } when)
        {
            values[TimelineParameters.DueAt] = when.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            due = string.Create(CultureInfo.InvariantCulture, $" by {when:yyyy-MM-dd HH:mm:ss}Z");
        }

        return new($"{progress.Stage}{next}{followUp}{due}", values);
    }

    /// <summary>The assessment was recorded; the tracks recommended, best first.</summary>
    public static TimelineDetail AssessmentRecorded(IReadOnlyList<TrainingTrack> recommended) => new(
        $"Recommended: {(recommended.Count == 0 ? "(none)" : string.Join(", ", recommended))}",
        new Dictionary<string, string> { [TimelineParameters.Tracks] = string.Join(",", recommended) });

    /// <summary>Staff recorded a release of <paramref name="kind"/> on <paramref name="date"/>.</summary>
    public static TimelineDetail ReleaseRecorded(ReleaseKind kind, DateOnly date) => new(
        string.Create(CultureInfo.InvariantCulture, $"{kind.Abbreviation()} on {date:yyyy-MM-dd}"),
        new Dictionary<string, string> { [TimelineParameters.ReleaseKind] = kind.ToString(), [TimelineParameters.Date] = Day(date) });

    /// <summary>The pipeline handed the released person to <paramref name="office"/> with <paramref name="followUps"/> follow-ups.</summary>
    public static TimelineDetail Released(ReleaseKind kind, DateTimeOffset releasedAt, string office, string? mentor, int followUps)
    {
        // The day of release at the office (WIB, WITA or WIT), as staff recorded it, not the UTC day.
        var day = Offices.LocalDate(office, releasedAt);
        var values = new Dictionary<string, string>
        {
            [TimelineParameters.ReleaseKind] = kind.ToString(),
            [TimelineParameters.Date] = Day(day),
            [TimelineParameters.Office] = office,
            [TimelineParameters.Count] = Invariant(followUps),
        };
        if (mentor is not null)
        {
            values[TimelineParameters.Mentor] = mentor;
        }

        return new(
            string.Create(CultureInfo.InvariantCulture, $"{kind.Abbreviation()} on {day:yyyy-MM-dd}; now at {office}, mentor {mentor ?? "(none)"}; {followUps} follow-ups"),
            values);
    }

    /// <summary>Follow-up <paramref name="sequence"/> was recorded.</summary>
    public static TimelineDetail FollowUpRecorded(int sequence, FollowUpVisit visit) => new(
        string.Create(CultureInfo.InvariantCulture, $"Follow-up {sequence}: {visit.Mode}, business {visit.BusinessStatus}, income {visit.IncomeBand}"),
        new Dictionary<string, string>
        {
            [TimelineParameters.Sequence] = Invariant(sequence),
            [TimelineParameters.ContactMode] = visit.Mode.ToString(),
            [TimelineParameters.BusinessStatus] = visit.BusinessStatus.ToString(),
            [TimelineParameters.IncomeBand] = visit.IncomeBand.ToString(),
        });

    /// <summary>Follow-up <paramref name="sequence"/> passed its grace period unrecorded.</summary>
    public static TimelineDetail FollowUpOverdue(int sequence) => new(
        $"Follow-up {Invariant(sequence)} is overdue", new Dictionary<string, string> { [TimelineParameters.Sequence] = Invariant(sequence) });

    /// <summary>A notification of <paramref name="kind"/> was queued for <paramref name="recipients"/> (usernames).</summary>
    public static TimelineDetail NotificationQueued(string kind, IReadOnlyList<string> recipients) => new(
        $"{kind} to {string.Join(", ", recipients)}",
        new Dictionary<string, string> { [TimelineParameters.Notification] = kind, [TimelineParameters.Recipients] = string.Join(",", recipients) });

    /// <summary>Staff asked to withdraw the person for <paramref name="reason"/>.</summary>
    public static TimelineDetail WithdrawalRequested(WithdrawalReason reason) => new(
        reason.ToString(), new Dictionary<string, string> { [TimelineParameters.Reason] = reason.ToString() });

    /// <summary>The case moved from one office to another.</summary>
    public static TimelineDetail Transferred(string from, string to) => new(
        $"From {from} to {to}", new Dictionary<string, string> { [TimelineParameters.From] = from, [TimelineParameters.To] = to });

    /// <summary>The case's mentor <paramref name="from"/> (usernames) was deactivated; <paramref name="to"/> took it over.</summary>
    public static TimelineDetail MentorChanged(string from, string to) => new(
        $"Mentor {from} to {to}", new Dictionary<string, string> { [TimelineParameters.From] = from, [TimelineParameters.To] = to });

    /// <summary>The pipeline ended with <paramref name="outcome"/>.</summary>
    /// <remarks>The reason is the pipeline's English sentence, or the <see cref="WithdrawalReason"/> name when withdrawn.</remarks>
    public static TimelineDetail Closed(CaseOutcome outcome) => new(
        $"{outcome.Stage}: {outcome.Reason}",
        new Dictionary<string, string> { [TimelineParameters.Stage] = outcome.Stage.ToString(), [TimelineParameters.Reason] = outcome.Reason });

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The keys of <see cref="TimelineDetail.Parameters"/>; which action has which is on each <see cref="TimelineDetail"/> factory.</summary>
internal static partial class TimelineParameters
{
    /// <summary>An office code.</summary>
    public const string Office = "office";

    /// <summary>A <see cref="Cases.PipelineControl"/> name.</summary>
    public const string Control = "control";

    /// <summary>An orchestration runtime status name (<c>Failed</c>, <c>Terminated</c>).</summary>
    public const string Status = "status";

    /// <summary><see cref="ConsentPurpose"/> names, comma-separated.</summary>
    public const string Consent = "consent";

    /// <summary>A <see cref="PipelineStage"/> name.</summary>
    public const string Stage = "stage";

    /// <summary>What is due next, in a word: <c>assessment</c>, <c>release</c>, <c>follow-up</c>, <c>programme end</c>.</summary>
    public const string NextDue = "nextDue";

    /// <summary>When it is due: ISO 8601 UTC.</summary>
    public const string DueAt = "dueAt";

    /// <summary>A follow-up's sequence number.</summary>
    public const string Sequence = "sequence";

    /// <summary><see cref="TrainingTrack"/> names, comma-separated, best first; empty when none.</summary>
    public const string Tracks = "tracks";

    /// <summary>A <see cref="Domain.ReleaseKind"/> name.</summary>
    public const string ReleaseKind = "releaseKind";

    /// <summary>A day, yyyy-MM-dd.</summary>
    public const string Date = "date";

    /// <summary>A mentor's username.</summary>
    public const string Mentor = "mentor";

    /// <summary>A number of things (follow-ups laid out).</summary>
    public const string Count = "count";

    /// <summary>A <see cref="Domain.ContactMode"/> name.</summary>
    public const string ContactMode = "mode";

    /// <summary>A <see cref="Domain.BusinessStatus"/> name.</summary>
    public const string BusinessStatus = "businessStatus";

    /// <summary>An <see cref="Domain.IncomeBand"/> name.</summary>
    public const string IncomeBand = "incomeBand";

    /// <summary>A notification kind.</summary>
    public const string Notification = "notification";

    /// <summary>Usernames, comma-separated.</summary>
    public const string Recipients = "recipients";

    /// <summary>A <see cref="WithdrawalReason"/> name, or the pipeline's reason for ending.</summary>
    public const string Reason = "reason";

    /// <summary>The office a case moved from.</summary>
    public const string From = "from";

    /// <summary>The office a case moved to.</summary>
    public const string To = "to";
}
