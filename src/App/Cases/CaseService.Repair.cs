using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

public sealed partial class CaseService
{
    // A staff action writes its record, then its timeline entry, then tells the pipeline. The Tell methods do the last two
    // from what the record holds, so the action, its retry and the repair below all write the same entry (keyed by the
    // action's key) and raise the same event; the pipeline passes over an event it has had (CaseWaits).

    /// <summary>
    /// Brings the case's pipeline up to date with what its records say staff did: an action that stopped after writing
    /// its record (a crash, an outage) and was never retried is finished here, as its retry would have finished it.
    /// </summary>
    /// <remarks>
    /// Only actions older than <paramref name="settled"/> count, so an action still on its way is left to finish by itself.
    /// Cases that have ended are left alone. What is repaired: a record with no pipeline (started); an assessment, release
    /// or withdrawal the pipeline has not acted on; a follow-up recorded while the pipeline still waits for it; sales that
    /// meet the graduation rule while the pipeline still waits (<paramref name="salesMeetRule"/>). The timeline entry of each
    /// is written again under its key, so it is there once.
    /// </remarks>
    /// <returns>What was repaired, in a word each (empty when the pipeline was up to date).</returns>
    internal async Task<IReadOnlyList<string>> RepairAsync(
        CaseEntity record, DateTimeOffset settled, Func<string, CancellationToken, Task<bool>> salesMeetRule, DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(salesMeetRule);
        ArgumentNullException.ThrowIfNull(client);
        if (record.IsClosed)
        {
            return [];
        }

        var repaired = new List<string>();
        var stage = record.StageValue;
        if (stage == PipelineStage.Enrollment && record.CreatedAt < settled && await client.GetInstanceAsync(record.CaseId, cancellationToken) is null)
        {
            await timeline.AppendAsync(record.CaseId, record.CreatedAt, record.CreatedBy, TimelineAction.Enrolled,
                TimelineDetail.Enrolled(record.LapasCode, RecordJson.Deserialize<Consent>(record.ConsentJson)?.Scope ?? []), key: "enrolled", cancellationToken);
            await StartPipelineAsync(record, client, cancellationToken);
            repaired.Add("started");
        }

        if (record.WithdrawalKey is not null && record.WithdrawalRequestedAt < settled)
        {
            await TellWithdrawalAsync(record, client, cancellationToken);
            return [.. repaired, "withdrawal"];
        }

        if (stage == PipelineStage.Assessment && record.AssessmentKey is not null && record.AssessedAt < settled)
        {
            await TellAssessmentAsync(record, client, cancellationToken);
            repaired.Add("assessment");
        }

        if (stage is PipelineStage.Training or PipelineStage.AwaitingRelease && record.ReleaseKey is not null && record.ReleaseRecordedAt < settled)
        {
            await TellReleaseAsync(record, client, cancellationToken);
            repaired.Add("release");
        }

        if (stage == PipelineStage.Mentoring)
        {
            // The pipeline waits for follow-up NextFollowUp (or for sales, after the last one): a later visit counts for it.
            var waitingFor = record.NextDue == "follow-up" ? record.NextFollowUp ?? int.MaxValue : int.MaxValue;
            var recorded = (await followUps.ListAsync(record.CaseId, cancellationToken))
                .Where(f => f.RecordKey is not null && f.Sequence >= waitingFor && f.RecordedAt < settled)
                .OrderBy(f => f.Sequence)
                .FirstOrDefault();
            if (recorded is not null)
            {
                await TellFollowUpAsync(recorded, client, cancellationToken);
                repaired.Add("follow-up");
            }

            if (await salesMeetRule(record.CaseId, cancellationToken))
            {
                await RaiseIfRunningAsync(client, record.CaseId, CaseEvents.SalesRecorded, new SalesRecorded(CaseTimeline.Pipeline), cancellationToken);
                repaired.Add("sales");
            }
        }

        return repaired;
    }

    /// <summary>Starts the case's pipeline (an enrolment, or a repair of one that stopped before it).</summary>
    private async Task StartPipelineAsync(CaseEntity record, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var expectedRelease = DateOnly.ParseExact(record.ExpectedReleaseDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = new CaseStart(record.CaseId, record.LapasCode, AtMidnight(record.LapasCode, expectedRelease), CaseDurations.From(options.Value));
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(CasePipeline), start, new StartOrchestrationOptions(record.CaseId), cancellationToken);
    }

    private async Task TellAssessmentAsync(CaseEntity saved, DurableTaskClient client, CancellationToken cancellationToken)
    {
        IReadOnlyList<TrainingTrack> recommended = [.. (saved.RecommendedTracks ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TrainingTrack>)];
        await timeline.AppendAsync(saved.CaseId, saved.AssessedAt!.Value, saved.AssessedBy!, TimelineAction.AssessmentRecorded,
            TimelineDetail.AssessmentRecorded(recommended), key: saved.AssessmentKey, cancellationToken);
        await RaiseIfRunningAsync(client, saved.CaseId, CaseEvents.AssessmentRecorded, new AssessmentRecorded(saved.AssessedBy!, recommended), cancellationToken);
    }

    private async Task TellReleaseAsync(CaseEntity saved, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<ReleaseKind>(saved.ReleaseKind!);
        var releasedAt = saved.ReleasedAt!.Value;
        await timeline.AppendAsync(saved.CaseId, saved.ReleaseRecordedAt ?? releasedAt, saved.ReleaseRecordedBy!, TimelineAction.ReleaseRecorded,
            TimelineDetail.ReleaseRecorded(kind, Offices.LocalDate(saved.LapasCode, releasedAt)), key: saved.ReleaseKey, cancellationToken);
        await RaiseIfRunningAsync(client, saved.CaseId, CaseEvents.ReleaseRecorded,
            new ReleaseRecorded(kind, releasedAt, saved.SupervisionEnd, saved.ReleaseMentor, saved.ReleaseRecordedBy!), cancellationToken);
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
        await timeline.AppendAsync(saved.CaseId, saved.WithdrawalRequestedAt!.Value, by, TimelineAction.WithdrawalRequested,
            TimelineDetail.WithdrawalRequested(reason), key: saved.WithdrawalKey, cancellationToken);
        await RaiseIfRunningAsync(client, saved.CaseId, CaseEvents.Withdrawn, new CaseWithdrawn(reason, by), cancellationToken);
    }
}
