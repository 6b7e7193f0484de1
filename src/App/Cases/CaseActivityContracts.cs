using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

// The inputs of the case pipeline's activities. Each carries At, the pipeline's time (context.CurrentUtcDateTime)
// when it made the call: the same on every re-run, so the activity's timeline entry is written once, and
// older progress is never applied over newer.

/// <summary>Records the stage and what is due next on the case and its timeline (<see cref="RecordProgress"/>).</summary>
internal sealed record ProgressCommand(string CaseId, CaseProgress Progress, DateTime At);

/// <summary>
/// Moves the case from its Lapas to the Bapas, assigns the mentor, and lays out the follow-up schedule
/// (<see cref="ApplyRelease"/>), with the durations the case started with.
/// </summary>
internal sealed record ReleaseCommand(string CaseId, ReleaseRecorded Release, CaseDurations Durations, DateTime At);

/// <summary>What a notification is about.</summary>
internal enum NotificationKind
{
    AssessmentOverdue,
    FollowUpReminder,
    FollowUpOverdue,
}

/// <summary>
/// Puts a notification in the outbox (<see cref="QueueNotification"/>): to the Lapas officers for an overdue
/// assessment, to the mentor for a reminder, to the mentor's supervisor for an overdue follow-up.
/// </summary>
internal sealed record NotificationCommand(string CaseId, NotificationKind Kind, int? FollowUp, DateTime At);

/// <summary>One follow-up of a case, found overdue at <paramref name="At"/> (<see cref="Mentoring.MarkFollowUpOverdue"/>).</summary>
internal sealed record FollowUpRef(string CaseId, int Sequence, DateTime At);

/// <summary>Asks whether the case has recorded sales for <paramref name="RequiredMonths"/> months (<see cref="CheckGraduation"/>).</summary>
internal sealed record GraduationCheck(string CaseId, int RequiredMonths);

/// <summary>Ends the case with its outcome (<see cref="CloseCase"/>).</summary>
internal sealed record CloseCommand(string CaseId, CaseOutcome Outcome, DateTime At);

/// <summary>The pipeline's times as activities read them.</summary>
internal static class PipelineTime
{
    /// <summary>A pipeline time (UTC, whatever <see cref="DateTime.Kind"/> it came back from JSON with) as an offset.</summary>
    public static DateTimeOffset AsUtc(this DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
