using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>The activities the case pipeline calls, by registered name.</summary>
internal static class CaseActivityNames
{
    public const string RecordProgress = nameof(RecordProgress);
    public const string ApplyRelease = nameof(ApplyRelease);
    public const string QueueNotification = nameof(QueueNotification);
    public const string MarkFollowUpOverdue = nameof(MarkFollowUpOverdue);
    public const string CheckGraduation = nameof(CheckGraduation);
    public const string CloseCase = nameof(CloseCase);
}

/// <summary>Records the stage and what is due next on the case and its timeline.</summary>
internal sealed record ProgressCommand(string CaseId, CaseProgress Progress);

/// <summary>Moves the case from its Lapas to the Bapas, assigns the mentor, and lays out the follow-up schedule.</summary>
internal sealed record ReleaseCommand(string CaseId, ReleaseRecorded Release);

/// <summary>What a notification is about.</summary>
internal enum NotificationKind
{
    AssessmentOverdue,
    FollowUpReminder,
    FollowUpOverdue,
}

/// <summary>Puts a notification for the responsible staff member (or the supervisor, when overdue) in the outbox.</summary>
internal sealed record NotificationCommand(string CaseId, NotificationKind Kind, int? FollowUp);

/// <summary>One follow-up of a case.</summary>
internal sealed record FollowUpRef(string CaseId, int Sequence);

/// <summary>Asks whether the case has recorded sales for <paramref name="RequiredMonths"/> months.</summary>
internal sealed record GraduationCheck(string CaseId, int RequiredMonths);

/// <summary>Ends the case with its outcome.</summary>
internal sealed record CloseCommand(string CaseId, CaseOutcome Outcome);
