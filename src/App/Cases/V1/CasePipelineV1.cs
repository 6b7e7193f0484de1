using Microsoft.DurableTask;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases.V1;

/// <summary>
/// Version 1 of <see cref="CasePipeline"/>, frozen as it was released: every instance started before versioning
/// (unversioned) or at version <c>1.0</c> replays this code. From enrollment to graduation: assessment, training until
/// release, release to a Bapas, a year of mentoring follow-ups with reminders and escalation, then marketing until the
/// business has sold for enough months. A withdrawal ends it at any stage.
/// </summary>
/// <remarks>
/// Never edited: its histories are committed under <c>tests/App.Tests/Cases/Golden</c> and replayed against every build.
/// It calls only its own frozen copies of what could change (<see cref="CaseWaitsV1"/>, <see cref="FollowUpScheduleV1"/>,
/// its retry policy and reasons); the activity names and contracts it calls must keep accepting what it sends.
/// Its steps (<see cref="FollowUpAsync"/> and the helpers) are internal so later versions can reuse them as they are.
/// </remarks>
internal sealed class CasePipelineV1 : IPipelineVersion
{
    /// <summary>Why a version 1 pipeline graduates a person.</summary>
    public const string GraduatedReason = "Sales recorded for enough months.";

    /// <summary>Why a version 1 pipeline ends without graduating, when no withdrawal ended it.</summary>
    public const string EndedReason = "The programme period ended.";

    /// <summary>Activities touch storage; a brief outage should delay a case, not fail it.</summary>
    internal static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <inheritdoc />
    public string Version => PipelineVersions.V1;

    /// <inheritdoc />
    public async Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        var waits = new CaseWaitsV1(context);
        var durations = start.Durations;

        // 2. Assessment of potential and interest, with a reminder when it is late.
        var assessmentDue = context.CurrentUtcDateTime + durations.AssessmentDeadline;
        await ProgressAsync(context, start, new CaseProgress(PipelineStage.Assessment, assessmentDue, "assessment"));
        var assessed = await waits.ForEventAsync<AssessmentRecorded>(CaseEvents.AssessmentRecorded, assessmentDue);
        if (assessed.TimedOut)
        {
            await NotifyAsync(context, start, NotificationKind.AssessmentOverdue, null);
            assessed = await waits.ForEventAsync<AssessmentRecorded>(CaseEvents.AssessmentRecorded, null);
        }

        if (assessed.Withdrawal is { } early)
        {
            return await WithdrawAsync(context, start, early);
        }

        // 3-4. Training until release: staff record an early release, or the expected date comes.
        var expectedRelease = start.ExpectedRelease.UtcDateTime;
        await ProgressAsync(context, start, new CaseProgress(PipelineStage.Training, expectedRelease, "release"));
        var released = await waits.ForEventAsync<ReleaseRecorded>(CaseEvents.ReleaseRecorded, expectedRelease);
        if (released.Withdrawal is { } beforeRelease)
        {
            return await WithdrawAsync(context, start, beforeRelease);
        }

        var release = released.Value
            ?? new ReleaseRecorded(ReleaseKind.EndOfSentence, context.CurrentUtcDateTime, null, null, "pipeline");
        await context.CallActivityAsync<int>(nameof(ApplyRelease), new ReleaseCommand(start.CaseId, release, durations, context.CurrentUtcDateTime), Retry);

        // 5. Mentoring after release: a reminder before each follow-up, escalation when one is overdue.
        var schedule = FollowUpScheduleV1.CreateTimes(release.ReleasedAt, release.Kind, release.SupervisionEnd, durations);
        for (var i = 0; i < schedule.Count; i++)
        {
            var outcome = await FollowUpAsync(context, waits, start, i + 1, schedule[i].UtcDateTime);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        // 7. Marketing: the pipeline graduates once sales are recorded for enough months, or ends with the programme period.
        var programmeEnd = release.ReleasedAt.UtcDateTime + durations.ProgrammePeriod;
        await ProgressAsync(context, start, new CaseProgress(PipelineStage.Mentoring, programmeEnd, "programme end"));
        while (true)
        {
            if (await GraduatedAsync(context, start))
            {
                return await CloseAsync(context, start, PipelineStage.Graduated, GraduatedReason);
            }

            var sales = await waits.ForEventAsync<SalesRecorded>(CaseEvents.SalesRecorded, programmeEnd);
            if (sales.Withdrawal is { } late)
            {
                return await WithdrawAsync(context, start, late);
            }

            if (sales.TimedOut)
            {
                return await CloseAsync(context, start, PipelineStage.Ended, EndedReason);
            }
        }
    }

    /// <summary>One follow-up; returns an outcome only when the pipeline ends during it.</summary>
    /// <remarks>
    /// Sales recorded meanwhile are checked at once: the person graduates as soon as the rule is met, not at the next
    /// follow-up. Graduation is checked again after the follow-up too (sales recorded before the wait began).
    /// </remarks>
    internal static async Task<CaseOutcome?> FollowUpAsync(TaskOrchestrationContext context, CaseWaitsV1 waits, CaseStart start, int sequence, DateTime due)
    {
        var durations = start.Durations;
        await ProgressAsync(context, start, new CaseProgress(PipelineStage.Mentoring, due, "follow-up", sequence));

        var (recorded, graduated) = await FollowUpOrGraduationAsync(context, waits, start, sequence, due - durations.ReminderLead);
        if (!graduated && recorded.TimedOut)
        {
            await NotifyAsync(context, start, NotificationKind.FollowUpReminder, sequence);
            (recorded, graduated) = await FollowUpOrGraduationAsync(context, waits, start, sequence, due + durations.GracePeriod);
            if (!graduated && recorded.TimedOut)
            {
                await context.CallActivityAsync<bool>(nameof(MarkFollowUpOverdue), new FollowUpRef(start.CaseId, sequence, context.CurrentUtcDateTime), Retry);
                await NotifyAsync(context, start, NotificationKind.FollowUpOverdue, sequence);
            }
        }

        if (recorded.Withdrawal is { } withdrawal)
        {
            return await WithdrawAsync(context, start, withdrawal);
        }

        if (graduated || await GraduatedAsync(context, start))
        {
            return await CloseAsync(context, start, PipelineStage.Graduated, GraduatedReason);
        }

        return null;
    }

    /// <summary>Waits for the follow-up until <paramref name="deadline"/>, checking graduation each time sales are recorded.</summary>
    private static async Task<(WaitResultV1<FollowUpRecorded> Result, bool Graduated)> FollowUpOrGraduationAsync(
        TaskOrchestrationContext context, CaseWaitsV1 waits, CaseStart start, int sequence, DateTime deadline)
    {
        while (true)
        {
            var (result, sales) = await waits.ForFollowUpOrSalesAsync(sequence, deadline);
            if (!sales)
            {
                return (result, false);
            }

            if (await GraduatedAsync(context, start))
            {
                return (result, true);
            }
        }
    }

    internal static Task<bool> GraduatedAsync(TaskOrchestrationContext context, CaseStart start) =>
        context.CallActivityAsync<bool>(nameof(CheckGraduation), new GraduationCheck(start.CaseId, start.Durations.GraduationMonths), Retry);

    internal static async Task ProgressAsync(TaskOrchestrationContext context, CaseStart start, CaseProgress progress)
    {
        context.SetCustomStatus(progress);
        await context.CallActivityAsync<bool>(nameof(RecordProgress), new ProgressCommand(start.CaseId, progress, context.CurrentUtcDateTime), Retry);
    }

    internal static Task<int> NotifyAsync(TaskOrchestrationContext context, CaseStart start, NotificationKind kind, int? followUp) =>
        context.CallActivityAsync<int>(nameof(QueueNotification), new NotificationCommand(start.CaseId, kind, followUp, context.CurrentUtcDateTime), Retry);

    internal static Task<CaseOutcome> WithdrawAsync(TaskOrchestrationContext context, CaseStart start, CaseWithdrawn withdrawal) =>
        CloseAsync(context, start, PipelineStage.Withdrawn, $"{withdrawal.Reason}");

    internal static async Task<CaseOutcome> CloseAsync(TaskOrchestrationContext context, CaseStart start, PipelineStage stage, string reason)
    {
        var outcome = new CaseOutcome(stage, reason);
        context.SetCustomStatus(new CaseProgress(stage, null, null));
        await context.CallActivityAsync<bool>(nameof(CloseCase), new CloseCommand(start.CaseId, outcome, context.CurrentUtcDateTime), Retry);
        return outcome;
    }
}
