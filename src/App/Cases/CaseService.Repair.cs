using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

public sealed partial class CaseService
{
    // A staff action opens its UnfinishedActions row, writes its record, then its timeline entry, then tells the pipeline
    // and closes the row: the rows left open are what the repair below reads. The Tell methods do the last two
    // from what the record holds, so the action, its retry and the repair below all write the same entry (keyed by the
    // action's key) and raise the same event; the pipeline passes over an event it has had (CaseWaits).

    /// <summary>
    /// Brings the case's pipeline up to date with what its records say staff did: an action that stopped after writing
    /// its record (a crash, an outage) and was never retried is finished here, as its retry would have finished it.
    /// </summary>
    /// <remarks>
    /// <para>Only actions older than <paramref name="settled"/> count, so an action still on its way is left to finish by
    /// itself. Cases that have ended are left alone, and so are pipelines that are not running or waiting to run
    /// (suspended, terminated or failed: an administrator's business, not the repair's). What is repaired: a record with
    /// no pipeline (started); an assessment, release or withdrawal the pipeline has not acted on; a follow-up recorded
    /// since the pipeline began waiting for it; sales that meet the graduation rule with the pipeline's own number of
    /// months (<paramref name="salesMeetRule"/>). The timeline entry of each is written again under its key, so it is
    /// there once.</para>
    /// <para>A follow-up recorded before the pipeline began its current wait is never told again: the pipeline may have
    /// taken it for the follow-up it waited for then (a later visit counts for an earlier one), and telling it again
    /// would count one visit twice.</para>
    /// </remarks>
    /// <returns>What was repaired, in a word each (empty when the pipeline was up to date).</returns>
    internal async Task<IReadOnlyList<string>> RepairAsync(
        CaseEntity record, DateTimeOffset settled, Func<string, int, CancellationToken, Task<bool>> salesMeetRule, DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(salesMeetRule);
        ArgumentNullException.ThrowIfNull(client);
        if (record.IsClosed || record.IsErasing)
        {
            return [];
        }

        var stage = record.StageValue;
        var instance = await client.GetInstanceAsync(record.CaseId, getInputsAndOutputs: stage == PipelineStage.Mentoring, cancellationToken);
        if (instance is null)
        {
            if (stage != PipelineStage.Enrollment || record.CreatedAt >= settled)
            {
                return [];
            }

            // Read again just before the start: an erasure requested since the sweep read the record must find no new pipeline.
            if (await cases.FindAsync(record.CaseId, cancellationToken) is not { IsErasing: false })
            {
                return [];
            }

            await timeline.AppendAsync(record.CaseId, record.CreatedAt, record.CreatedBy, TimelineAction.Enrolled,
                TimelineDetail.Enrolled(record.LapasCode, RecordJson.Deserialize<Consent>(record.ConsentJson)?.Scope ?? []), key: "enrolled", cancellationToken);
            await StartPipelineAsync(record, client, cancellationToken);
            return ["started"];
        }

        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending))
        {
            return [];
        }

        if (record.WithdrawalKey is not null && record.WithdrawalRequestedAt < settled)
        {
            await TellWithdrawalAsync(record, client, cancellationToken);
            return ["withdrawal"];
        }

        var repaired = new List<string>();
        if (stage == PipelineStage.Assessment && record.AssessmentKey is not null && record.AssessedAt < settled)
        {
            await TellAssessmentAsync(record, client, cancellationToken);
            repaired.Add("assessment");
        }

        if (stage is PipelineStage.Training or PipelineStage.AwaitingRelease && record.ReleaseKey is not null && record.ReleaseRecordedAt < settled)
        {
            var kind = Enum.Parse<ReleaseKind>(record.ReleaseKind!);
            await TellReleaseAsync(record, record.ReleaseRecordedBy!, kind, Offices.LocalDate(record.OfficeCode, record.ReleasedAt!.Value), client, cancellationToken);
            repaired.Add("release");
        }

        if (stage == PipelineStage.Mentoring)
        {
            // The pipeline waits for follow-up NextFollowUp (or for sales, after the last one): a later visit counts for it.
            var waitingFor = record.NextDue == "follow-up" ? record.NextFollowUp ?? int.MaxValue : int.MaxValue;
            var recorded = (await followUps.ListAsync(record.CaseId, cancellationToken))
                .Where(f => f.RecordKey is not null && f.Sequence >= waitingFor && f.RecordedAt < settled
                    && (record.ProgressAt is null || f.RecordedAt > record.ProgressAt))
                .OrderBy(f => f.Sequence)
                .FirstOrDefault();
            if (recorded is not null)
            {
                await TellFollowUpAsync(recorded, client, cancellationToken);
                repaired.Add("follow-up");
            }

            var months = instance.ReadInputAs<CaseStart>()?.Durations.GraduationMonths ?? options.Value.GraduationMonths;
            if (await salesMeetRule(record.CaseId, months, cancellationToken))
            {
                await RaiseIfRunningAsync(client, record.CaseId, CaseEvents.SalesRecorded, new SalesRecorded(CaseTimeline.Pipeline), cancellationToken);
                repaired.Add("sales");
            }
        }

        return repaired;
    }

    /// <summary>
    /// Awaits an action's write; when the write is refused (the action is taken by another, the case is at another stage,
    /// it is gone: nothing of this action was written), the action's <see cref="UnfinishedActions"/> row is closed at once.
    /// </summary>
    private async Task<T> ClosedIfRefusedAsync<T>(string unfinishedRow, Task<T> write, CancellationToken cancellationToken)
    {
        try
        {
            return await write;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ForbiddenException or RequestValidationException)
        {
            await unfinished.CloseAsync(unfinishedRow, cancellationToken);
            throw;
        }
    }

    /// <summary>Starts the case's pipeline (an enrolment, or a repair of one that stopped before it).</summary>
    /// <remarks>
    /// The instance id is the case id, so an instance already there was started for this same record: by the enrolment's
    /// first attempt still in flight while its retry runs, or by the repair. The client refuses the second start
    /// (<c>AlreadyExists</c>, as Durable Functions does); for this caller that means the pipeline runs, which is what it wanted.
    /// </remarks>
    private async Task StartPipelineAsync(CaseEntity record, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var expectedRelease = DateOnly.ParseExact(record.ExpectedReleaseDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = new CaseStart(record.CaseId, record.LapasCode, AtMidnight(record.LapasCode, expectedRelease), CaseDurations.From(options.Value));
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CasePipeline), start, new StartOrchestrationOptions(record.CaseId), cancellationToken);
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.AlreadyExists)
        {
            logger.LogInformation("Pipeline {CaseId} was started already (a retry overlapping its first attempt)", record.CaseId);
        }
    }

    private async Task TellAssessmentAsync(CaseEntity saved, DurableTaskClient client, CancellationToken cancellationToken)
    {
        IReadOnlyList<TrainingTrack> recommended = [.. (saved.RecommendedTracks ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TrainingTrack>)];
        await timeline.AppendAsync(saved.CaseId, saved.AssessedAt!.Value, saved.AssessedBy!, TimelineAction.AssessmentRecorded,
            TimelineDetail.AssessmentRecorded(recommended), key: saved.AssessmentKey, cancellationToken);
        await RaiseIfRunningAsync(client, saved.CaseId, CaseEvents.AssessmentRecorded, new AssessmentRecorded(saved.AssessedBy!, recommended), cancellationToken);
    }

    /// <summary>The release's timeline entry and event: <paramref name="actor"/>, <paramref name="kind"/> and <paramref name="day"/> as
    /// staff recorded them (the pipeline may since have applied a release of its own to the record), its time as first stored.</summary>
    private async Task TellReleaseAsync(
        CaseEntity saved, string actor, ReleaseKind kind, DateOnly day, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await timeline.AppendAsync(saved.CaseId, saved.ReleaseRecordedAt ?? saved.ReleasedAt!.Value, actor, TimelineAction.ReleaseRecorded,
            TimelineDetail.ReleaseRecorded(kind, day), key: saved.ReleaseKey, cancellationToken);
        await RaiseIfRunningAsync(client, saved.CaseId, CaseEvents.ReleaseRecorded,
            new ReleaseRecorded(kind, saved.ReleasedAt!.Value, saved.SupervisionEnd, saved.ReleaseMentor, actor), cancellationToken);
    }

    private async Task TellFollowUpAsync(FollowUpEntity saved, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var visit = RecordJson.Deserialize<FollowUpVisit>(saved.VisitJson!)
            ?? throw new InvalidOperationException($"Follow-up {saved.Sequence} of case '{saved.PartitionKey}' is recorded without its visit.");
        await timeline.AppendAsync(saved.PartitionKey, saved.RecordedAt!.Value, saved.RecordedBy!, TimelineAction.FollowUpRecorded,
            TimelineDetail.FollowUpRecorded(saved.Sequence, visit), key: saved.RecordKey, cancellationToken);
        await RaiseIfRunningAsync(client, saved.PartitionKey, CaseEvents.FollowUpRecorded, new FollowUpRecorded(saved.Sequence, saved.RecordedBy!), cancellationToken);
    }

    private async Task TellWithdrawalAsync(CaseEntity saved, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var reason = Enum.Parse<WithdrawalReason>(saved.WithdrawalReason!);
        var by = saved.WithdrawalRequestedBy ?? CaseTimeline.Pipeline;
        if (saved.WithdrawalRequestedBy is not null)
        {
            // A record from before the requester was kept: its entry (with the requester) is left as it is.
            await timeline.AppendAsync(saved.CaseId, saved.WithdrawalRequestedAt!.Value, by, TimelineAction.WithdrawalRequested,
                TimelineDetail.WithdrawalRequested(reason), key: saved.WithdrawalKey, cancellationToken);
        }

        await RaiseIfRunningAsync(client, saved.CaseId, CaseEvents.Withdrawn, new CaseWithdrawn(reason, by), cancellationToken);
    }
}
