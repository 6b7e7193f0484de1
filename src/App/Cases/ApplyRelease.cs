using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// Hands a released person over to the Bapas: moves the case from its Lapas to <see cref="Offices.BapasFor"/>,
/// assigns the mentor (the one recorded with the release, or the Bapas's first PK or Pokmas Lipas mentor in the
/// staff directory), and lays out the follow-ups (<see cref="FollowUpSchedule.CreateTimes"/>).
/// </summary>
/// <remarks>A re-run finds the case already moved and the follow-ups already laid out, and changes nothing.</remarks>
public sealed class ApplyRelease(CaseStore cases, FollowUpStore followUps, CaseTimeline timeline, StaffDirectory directory, ILogger<ApplyRelease> logger)
    : TaskActivity<ReleaseCommand, int>
{
    /// <summary>The activity function.</summary>
    [Function(nameof(ApplyRelease))]
    public Task<int> RunFunctionAsync([ActivityTrigger] ReleaseCommand command) => RunAsync(new FunctionActivityContext(nameof(ApplyRelease)), command);

    /// <inheritdoc />
    /// <returns>How many follow-ups the case has.</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, ReleaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var release = command.Release;
        var staff = await directory.ListAsync(CancellationToken.None);
        var record = await cases.UpdateAsync(command.CaseId, record =>
        {
            if (Offices.Find(record.OfficeCode) is { Kind: OfficeKind.Lapas or OfficeKind.Rutan } lapas)
            {
                record.BapasCode = Offices.BapasFor(lapas.Code)?.Code;
                record.OfficeCode = record.BapasCode ?? record.OfficeCode;
            }

            record.MentorUsername = release.MentorUsername ?? record.MentorUsername ?? StaffDirectory.DefaultMentor(staff, record.OfficeCode);
            record.ReleaseKind = release.Kind.ToString();
            record.ReleasedAt = release.ReleasedAt;
            record.SupervisionEnd = release.SupervisionEnd;
            record.ReleaseRecordedBy = release.RecordedBy;
            return true;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Case '{command.CaseId}' has no record.");

        if (record.BapasCode is null)
        {
            logger.LogWarning("Case {CaseId} stays at {OfficeCode}: its province has no Bapas", record.CaseId, record.OfficeCode);
        }

        var dues = FollowUpSchedule.CreateTimes(release.ReleasedAt, release.Kind, release.SupervisionEnd, command.Durations.Mentoring);
        await followUps.ScheduleAsync(record.CaseId, record.OfficeCode, record.MentorUsername, dues, CancellationToken.None);
        var detail = TimelineDetail.Released(release.Kind, release.ReleasedAt, record.OfficeCode, record.MentorUsername, dues.Count);
        await timeline.AppendAsync(record.CaseId, command.At.AsUtc(), CaseTimeline.Pipeline, TimelineAction.Released, detail, command.IdempotencyKey(), CancellationToken.None);
        return dues.Count;
    }
}
