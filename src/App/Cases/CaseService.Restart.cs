using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

public sealed partial class CaseService
{
    /// <summary>
    /// Starts the stopped (<c>Failed</c> or <c>Terminated</c>) pipeline of an open case again, at the stage its record
    /// is at (<see cref="CaseResume"/>), as version <see cref="PipelineVersions.Resumable"/>; the restart is written to the
    /// case's timeline with the administrator's name.
    /// </summary>
    /// <remarks>
    /// Idempotent: a restart of a pipeline that is running or waiting to run (a restart that was already made) starts
    /// nothing and writes nothing, and answers <see langword="false"/>. The instance id stays the case id: Durable Functions
    /// lets a start reuse the id of an instance that has ended.
    /// </remarks>
    /// <returns>Whether a pipeline was started.</returns>
    /// <exception cref="ForbiddenException">Not an administrator.</exception>
    /// <exception cref="NotFoundException">No such case (or an erased one).</exception>
    /// <exception cref="ConflictException">The case has ended, or its pipeline completed.</exception>
    internal async Task<bool> RestartPipelineAsync(StaffMember admin, string caseId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(client);
        if (admin.Role != StaffRole.Administrator)
        {
            throw new ForbiddenException("Only an administrator may restart a pipeline.");
        }

        var record = CaseIdPattern().IsMatch(caseId) ? await cases.FindAsync(caseId, cancellationToken) : null;
        if (record is null || record.IsErasing)
        {
            throw new NotFoundException($"Case '{caseId}' was not found.");
        }

        var instance = await client.GetInstanceAsync(caseId, cancellationToken);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
        {
            return false;
        }

        if (record.IsClosed || instance?.RuntimeStatus is OrchestrationRuntimeStatus.Completed)
        {
            throw new ConflictException($"Case '{caseId}' has ended; its pipeline is not restarted.");
        }

        var expectedRelease = DateOnly.ParseExact(record.ExpectedReleaseDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = new CaseStart(
            record.CaseId, record.LapasCode, AtMidnight(record.LapasCode, expectedRelease), CaseDurations.From(options.Value), ResumeOf(record));
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(CasePipeline), start, new StartOrchestrationOptions(caseId) { Version = PipelineVersions.Resumable }, cancellationToken);
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.AlreadyExists)
        {
            // Another restart got there first: it is running, and its timeline entry is written by that request.
            return false;
        }

        await timeline.AppendAsync(caseId, clock.GetUtcNow(), admin.Username, TimelineAction.PipelineControlled,
            TimelineDetail.PipelineControlled(PipelineControl.Restarted), key: null, cancellationToken);
        logger.LogWarning("Pipeline {CaseId} restarted at {Stage} by {Username}", caseId, record.Stage, admin.Username);
        return true;
    }

    /// <summary>Where the record says the person stands: the stage, the release it holds, the follow-up it waits for.</summary>
    private static CaseResume ResumeOf(CaseEntity record)
    {
        var stage = record.StageValue;
        var release = record.ReleaseKind is { } kind && record.ReleasedAt is { } releasedAt && stage >= PipelineStage.Mentoring
            ? new ReleaseRecorded(Enum.Parse<ReleaseKind>(kind), releasedAt, record.SupervisionEnd, record.MentorUsername, record.ReleaseRecordedBy ?? CaseTimeline.Pipeline)
            : null;
        int? nextFollowUp = record.NextDue == "programme end" ? null : record.NextFollowUp ?? 1;
        return new CaseResume(stage, release, nextFollowUp);
    }
}
