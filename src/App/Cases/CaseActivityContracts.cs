using System.Globalization;

namespace PepFunctions.App.Cases;

// The inputs of the case pipeline's activities. Each carries At, the pipeline's time (context.CurrentUtcDateTime)
// when it made the call, so older progress is never applied over newer. IdempotencyKey() names the call by the step
// it records (the case, the activity, the stage, the follow-up), never by At: when the engine re-runs an episode
// after a crash (its messages were sent before its history was saved), the step comes again with a later At, and
// must still write the same rows and queue nothing new. Each step happens once in a pipeline.

/// <summary>Records the stage and what is due next on the case and its timeline (<see cref="RecordProgress"/>).</summary>
public sealed record ProgressCommand(string CaseId, CaseProgress Progress, DateTime At)
{
    internal string IdempotencyKey() =>
        ActivityKeys.For(CaseId, nameof(RecordProgress), Progress.Stage, Progress.NextDue, Progress.FollowUp);
}

/// <summary>
/// Moves the case from its Lapas to the Bapas, assigns the mentor, and lays out the follow-up schedule
/// (<see cref="ApplyRelease"/>), with the durations the case started with.
/// </summary>
public sealed record ReleaseCommand(string CaseId, ReleaseRecorded Release, CaseDurations Durations, DateTime At)
{
    internal string IdempotencyKey() => ActivityKeys.For(CaseId, nameof(ApplyRelease));
}

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>The assessment is past its deadline: to the Lapas officers of the case's office.</summary>
    AssessmentOverdue,

    /// <summary>A follow-up is coming up: to the mentor.</summary>
    FollowUpReminder,

    /// <summary>A follow-up is past its grace period: to the mentor's supervisor.</summary>
    FollowUpOverdue,
}

/// <summary>
/// Puts a notification in the outbox (<see cref="QueueNotification"/>): to the Lapas officers for an overdue
/// assessment, to the mentor for a reminder, to the mentor's supervisor for an overdue follow-up.
/// </summary>
public sealed record NotificationCommand(string CaseId, NotificationKind Kind, int? FollowUp, DateTime At)
{
    /// <remarks>
    /// An assessment reminder is keyed by its time too: pipeline version 2 reminds again each time the assessment is late
    /// (version 1 sent one per pipeline). A re-run of the same call has the same time (the orchestration's), so it still
    /// queues nothing new.
    /// </remarks>
    internal string IdempotencyKey() => Kind == NotificationKind.AssessmentOverdue
        ? ActivityKeys.For(CaseId, nameof(QueueNotification), Kind, FollowUp, At.ToString("O", CultureInfo.InvariantCulture))
        : ActivityKeys.For(CaseId, nameof(QueueNotification), Kind, FollowUp);
}

/// <summary>One follow-up of a case, found overdue at <paramref name="At"/> (<see cref="Mentoring.MarkFollowUpOverdue"/>).</summary>
public sealed record FollowUpRef(string CaseId, int Sequence, DateTime At)
{
    internal string IdempotencyKey() => ActivityKeys.For(CaseId, nameof(Mentoring.MarkFollowUpOverdue), Sequence);
}

/// <summary>Asks whether the case has recorded sales for <paramref name="RequiredMonths"/> months (<see cref="CheckGraduation"/>).</summary>
public sealed record GraduationCheck(string CaseId, int RequiredMonths);

/// <summary>Ends the case with its outcome (<see cref="CloseCase"/>).</summary>
public sealed record CloseCommand(string CaseId, CaseOutcome Outcome, DateTime At)
{
    internal string IdempotencyKey() => ActivityKeys.For(CaseId, nameof(CloseCase), Outcome.Stage);
}

/// <summary>The pipeline's times as activities read them.</summary>
internal static class PipelineTime
{
    /// <summary>A pipeline time (UTC, whatever <see cref="DateTime.Kind"/> it came back from JSON with) as an offset.</summary>
    public static DateTimeOffset AsUtc(this DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

/// <summary>Idempotency keys of activity calls, from their inputs (Durable Task gives an activity no call id).</summary>
internal static class ActivityKeys
{
    /// <summary><c>{case}/{activity}/{parts…}</c>.</summary>
    public static string For(string caseId, string activity, params object?[] parts) =>
        string.Join('/', [caseId, activity, .. parts.Select(part => Convert.ToString(part, CultureInfo.InvariantCulture) ?? "")]);
}
