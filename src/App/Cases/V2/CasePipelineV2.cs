using Microsoft.DurableTask;
using PepFunctions.App.Cases.V1;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases.V2;

/// <summary>
/// Version 2 of <see cref="CasePipeline"/>: version 1 with two changes. It can start at a given stage
/// (<see cref="CaseStart.Resume"/>: an administrator's restart of a failed pipeline picks up where the case record
/// stands), and a late assessment is reminded again every <see cref="CaseDurations.AssessmentDeadline"/> until it is
/// recorded (version 1 reminded once, then waited without end).
/// </summary>
/// <remarks>
/// The rest is version 1's steps, reused as they are (<see cref="CasePipelineV1"/>'s helpers, <see cref="CaseWaitsV1"/>,
/// <see cref="FollowUpScheduleV1"/>), which are frozen. This class is frozen too once released: its histories are under
/// <c>tests/App.Tests/Cases/Golden/v2.0</c>.
/// </remarks>
internal sealed class CasePipelineV2 : IPipelineVersion
{
    /// <inheritdoc />
    public string Version => PipelineVersions.V2;

    /// <inheritdoc />
    public async Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        var waits = new CaseWaitsV1(context);
        var durations = start.Durations;
        var from = start.Resume?.Stage ?? PipelineStage.Enrollment;

        // 2. Assessment of potential and interest, reminded each time it is late.
        if (from <= PipelineStage.Assessment)
        {
            var assessmentDue = context.CurrentUtcDateTime + durations.AssessmentDeadline;
            await CasePipelineV1.ProgressAsync(context, start, new CaseProgress(PipelineStage.Assessment, assessmentDue, "assessment"));
            var assessed = await waits.ForEventAsync<AssessmentRecorded>(CaseEvents.AssessmentRecorded, assessmentDue);
            while (assessed.TimedOut)
            {
                await CasePipelineV1.NotifyAsync(context, start, NotificationKind.AssessmentOverdue, null);
                assessed = await waits.ForEventAsync<AssessmentRecorded>(CaseEvents.AssessmentRecorded, context.CurrentUtcDateTime + durations.AssessmentDeadline);
            }

            if (assessed.Withdrawal is { } early)
            {
                return await CasePipelineV1.WithdrawAsync(context, start, early);
            }
        }

        // 3-4. Training until release: staff record an early release, or the expected date comes.
        ReleaseRecorded release;
        if (from < PipelineStage.Mentoring || start.Resume?.Release is null)
        {
            var expectedRelease = start.ExpectedRelease.UtcDateTime;
            await CasePipelineV1.ProgressAsync(context, start, new CaseProgress(PipelineStage.Training, expectedRelease, "release"));
            var released = await waits.ForEventAsync<ReleaseRecorded>(CaseEvents.ReleaseRecorded, expectedRelease);
            if (released.Withdrawal is { } beforeRelease)
            {
                return await CasePipelineV1.WithdrawAsync(context, start, beforeRelease);
            }

            release = released.Value ?? new ReleaseRecorded(ReleaseKind.EndOfSentence, context.CurrentUtcDateTime, null, null, "pipeline");
            await context.CallActivityAsync<int>(nameof(ApplyRelease), new ReleaseCommand(start.CaseId, release, durations, context.CurrentUtcDateTime), Retry);
        }
        else
        {
            // Restarted in mentoring: the record already holds the release; it is not applied again.
            release = start.Resume.Release;
        }

        // 5. Mentoring after release, from the follow-up the record waits for when restarted.
        var schedule = FollowUpScheduleV1.CreateTimes(release.ReleasedAt, release.Kind, release.SupervisionEnd, durations);
        var first = from == PipelineStage.Mentoring && start.Resume?.Release is not null ? (start.Resume.NextFollowUp ?? schedule.Count + 1) - 1 : 0;
        for (var i = Math.Max(first, 0); i < schedule.Count; i++)
        {
            var outcome = await CasePipelineV1.FollowUpAsync(context, waits, start, i + 1, schedule[i].UtcDateTime);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        // 7. Marketing: the pipeline graduates once sales are recorded for enough months, or ends with the programme period.
        var programmeEnd = release.ReleasedAt.UtcDateTime + durations.ProgrammePeriod;
        await CasePipelineV1.ProgressAsync(context, start, new CaseProgress(PipelineStage.Mentoring, programmeEnd, "programme end"));
        while (true)
        {
            if (await CasePipelineV1.GraduatedAsync(context, start))
            {
                return await CasePipelineV1.CloseAsync(context, start, PipelineStage.Graduated, CasePipelineV1.GraduatedReason);
            }

            var sales = await waits.ForEventAsync<SalesRecorded>(CaseEvents.SalesRecorded, programmeEnd);
            if (sales.Withdrawal is { } late)
            {
                return await CasePipelineV1.WithdrawAsync(context, start, late);
            }

            if (sales.TimedOut)
            {
                return await CasePipelineV1.CloseAsync(context, start, PipelineStage.Ended, CasePipelineV1.EndedReason);
            }
        }
    }

    private static TaskOptions Retry => CasePipelineV1.Retry;
}
