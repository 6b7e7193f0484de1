using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// Puts a pipeline notification in the outbox: an overdue assessment to the Lapas officers of the case's
/// office; a follow-up reminder to the mentor; an overdue follow-up to the mentor's supervisor (or, when
/// none is set, the Kanwil coordinators of the province).
/// </summary>
/// <remarks>
/// Nothing is sent when the thing is done by now (assessed, visited) or the case has closed. The outbox
/// deduplicates on the call's idempotency key (<see cref="NotificationCommand.IdempotencyKey"/>), so a re-run queues nothing new.
/// </remarks>
public sealed class QueueNotification(
    CaseStore cases, FollowUpStore followUps, StaffDirectory directory, NotificationOutbox outbox, CaseTimeline timeline, ILogger<QueueNotification> logger)
    : TaskActivity<NotificationCommand, int>
{
    /// <summary>The activity function.</summary>
    [Function(nameof(QueueNotification))]
    public Task<int> RunFunctionAsync([ActivityTrigger] NotificationCommand command) => RunAsync(new FunctionActivityContext(nameof(QueueNotification)), command);

    /// <inheritdoc />
    /// <returns>How many recipients the notification was queued for (0 when nothing is due any more).</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, NotificationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var cancellationToken = CancellationToken.None;
        var key = command.IdempotencyKey();
        if (await cases.FindAsync(command.CaseId, cancellationToken) is not { IsClosed: false } record)
        {
            return 0;
        }

        var followUp = command.FollowUp is { } sequence ? await followUps.FindAsync(command.CaseId, sequence, cancellationToken) : null;
        var staff = await directory.ListAsync(cancellationToken);
        string[] recipients = command.Kind switch
        {
            NotificationKind.AssessmentOverdue when record.StageValue == PipelineStage.Assessment =>
                [.. StaffAt(staff, record.OfficeCode, StaffRole.LapasOfficer)],
            NotificationKind.FollowUpReminder when followUp is { StateValue: not FollowUpState.Done } =>
                Mentor(followUp, record) is { } mentor ? [mentor] : [],
            NotificationKind.FollowUpOverdue when followUp is { StateValue: not FollowUpState.Done } => Supervisors(staff, followUp, record),
            _ => [],
        };
        if (recipients.Length == 0)
        {
            logger.LogInformation("No {Kind} notification for case {CaseId}: done by now, or nobody to tell", command.Kind, command.CaseId);
            return 0;
        }

        foreach (var recipient in recipients)
        {
            await outbox.EnqueueAsync(new Notification(recipient, command.Kind.ToString(), command.CaseId, command.FollowUp), key, cancellationToken);
        }

        await timeline.AppendAsync(command.CaseId, command.At.AsUtc(), CaseTimeline.Pipeline, TimelineAction.NotificationQueued,
            TimelineDetail.NotificationQueued(command.Kind.ToString(), recipients), key, cancellationToken);
        return recipients.Length;
    }

    private static string? Mentor(FollowUpEntity followUp, CaseEntity record) => followUp.MentorUsername ?? record.MentorUsername;

    private static string[] Supervisors(IReadOnlyList<StaffMember> staff, FollowUpEntity followUp, CaseEntity record)
    {
        var supervisor = Mentor(followUp, record) is { } mentor
            ? staff.FirstOrDefault(s => string.Equals(s.Username, mentor, StringComparison.OrdinalIgnoreCase))?.SupervisorUsername
            : null;
        return supervisor is not null
            ? [supervisor]
            : [.. StaffAt(staff, Offices.KanwilFor(record.OfficeCode)?.Code, StaffRole.KanwilCoordinator)];
    }

    private static IEnumerable<string> StaffAt(IReadOnlyList<StaffMember> all, string? officeCode, StaffRole role) =>
        all
            .Where(staff => staff.Role == role && string.Equals(staff.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase))
            .Select(staff => staff.Username);
}
