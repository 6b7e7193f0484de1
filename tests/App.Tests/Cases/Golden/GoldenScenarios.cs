using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// The scenarios whose histories are kept for every released pipeline version: assessment overdue; early release with
/// each release kind; follow-up reminded, overdue (and escalated to the supervisor); graduation; withdrawal at each
/// stage; the programme's end. A release kind added later has no file yet, and the test says to record it.
/// </summary>
internal static class GoldenScenarios
{
    private static readonly DateTimeOffset T0 = GoldenScenario.Enrolled;
    private static readonly DateTimeOffset Released = GoldenScenario.ExpectedRelease;

    public static IReadOnlyList<GoldenScenario> All { get; } =
    [
        new("assessment-overdue", [Assessed(T0.AddHours(3)), Withdrawn(T0.AddHours(5), WithdrawalReason.TransferOut)]),
        .. Enum.GetValues<ReleaseKind>().Select(EarlyRelease),
        new("follow-up-reminded", [
            Assessed(T0.AddHours(1)), FollowUp(Released.AddHours(20), 1), FollowUp(Released.AddHours(41), 2),
            Withdrawn(Released.AddDays(3), WithdrawalReason.Reoffence)]),
        new("follow-up-overdue-escalated", [
            Assessed(T0.AddHours(1)), FollowUp(Released.AddHours(44), 2), Withdrawn(Released.AddDays(5), WithdrawalReason.ConsentWithdrawn)]),
        new("graduation", [Assessed(T0.AddHours(1)), Sales(Released.AddHours(10))], GraduatesAt: Released.AddHours(10)),
        new("graduation-in-marketing", [
            Assessed(T0.AddHours(1)), FollowUp(Released.AddHours(17), 1), FollowUp(Released.AddHours(41), 2), Sales(Released.AddDays(4))],
            GraduatesAt: Released.AddDays(4)),
        new("withdrawal-assessment", [Withdrawn(T0.AddHours(1), WithdrawalReason.Death)]),
        new("withdrawal-training", [Assessed(T0.AddHours(1)), Withdrawn(T0.AddHours(5), WithdrawalReason.TransferOut)]),
        new("withdrawal-mentoring", [Assessed(T0.AddHours(1)), Withdrawn(Released.AddHours(12), WithdrawalReason.Reoffence)]),
        new("withdrawal-marketing", [
            Assessed(T0.AddHours(1)), FollowUp(Released.AddHours(17), 1), FollowUp(Released.AddHours(41), 2),
            Withdrawn(Released.AddDays(3), WithdrawalReason.ConsentWithdrawn)]),
        new("programme-end", [Assessed(T0.AddHours(1)), FollowUp(Released.AddHours(17), 1), FollowUp(Released.AddHours(41), 2)]),
    ];

    /// <summary>The scenarios of what version 2 added: an assessment reminded more than once; restarts at a stage.</summary>
    public static IReadOnlyList<GoldenScenario> Version2 { get; } =
    [
        new("assessment-reminded-twice", [Assessed(T0.AddHours(5)), Withdrawn(T0.AddHours(6), WithdrawalReason.TransferOut)]),
        new("restart-in-training", [Withdrawn(T0.AddHours(5), WithdrawalReason.Reoffence)])
        {
            Resume = new CaseResume(PipelineStage.Training, null, null),
        },
        new("restart-in-mentoring", [FollowUp(Released.AddHours(41), 2)])
        {
            Resume = new CaseResume(PipelineStage.Mentoring, new ReleaseRecorded(ReleaseKind.Parole, Released, Released.AddDays(3), "mentor.kupang", "lapas.kupang"), 2),
        },
        new("restart-in-marketing", [Sales(Released.AddDays(3))], GraduatesAt: Released.AddDays(3))
        {
            Resume = new CaseResume(PipelineStage.Mentoring, new ReleaseRecorded(ReleaseKind.EndOfSentence, Released, null, null, "pipeline"), null),
        },
    ];

    /// <summary>The scenarios recorded for <paramref name="version"/>.</summary>
    public static IReadOnlyList<GoldenScenario> Of(string version) => version == PipelineVersions.V1 ? All : [.. All, .. Version2];

    private static GoldenScenario EarlyRelease(ReleaseKind kind)
    {
        var releasedAt = T0.AddHours(10);
        DateTimeOffset? supervisionEnd = kind == ReleaseKind.Parole ? releasedAt.AddHours(60) : null;
        return new GoldenScenario("early-release-" + kind.ToString().ToLowerInvariant(), [
            Assessed(T0.AddHours(1)),
            new(releasedAt, CaseEvents.ReleaseRecorded, new ReleaseRecorded(kind, releasedAt, supervisionEnd, "mentor.kupang", "lapas.kupang")),
            FollowUp(releasedAt.AddHours(17), 1),
            Withdrawn(releasedAt.AddDays(3), WithdrawalReason.TransferOut),
        ]);
    }

    private static GoldenEvent Assessed(DateTimeOffset at) =>
        new(at, CaseEvents.AssessmentRecorded, new AssessmentRecorded("lapas.kupang", [TrainingTrack.Batik]));

    private static GoldenEvent FollowUp(DateTimeOffset at, int sequence) => new(at, CaseEvents.FollowUpRecorded, new FollowUpRecorded(sequence, "mentor.kupang"));

    private static GoldenEvent Sales(DateTimeOffset at) => new(at, CaseEvents.SalesRecorded, new SalesRecorded("mentor.kupang"));

    private static GoldenEvent Withdrawn(DateTimeOffset at, WithdrawalReason reason) => new(at, CaseEvents.Withdrawn, new CaseWithdrawn(reason, "lapas.kupang"));
}
