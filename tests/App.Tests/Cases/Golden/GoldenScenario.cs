using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>A staff action the scenario raises as an event at <paramref name="At"/>.</summary>
internal sealed record GoldenEvent(DateTimeOffset At, string Name, object Payload);

/// <summary>
/// One way a person goes through the pipeline: the staff events, when sales meet the graduation rule, and (for an
/// instance still running) when the recording stops. Activities otherwise succeed at once.
/// </summary>
internal sealed record GoldenScenario(string Name, IReadOnlyList<GoldenEvent> Events, DateTimeOffset? GraduatesAt = null)
{
    /// <summary>When every scenario's pipeline starts.</summary>
    public static readonly DateTimeOffset Enrolled = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The expected release: a day after enrolment.</summary>
    public static readonly DateTimeOffset ExpectedRelease = Enrolled.AddDays(1);

    /// <summary>
    /// Short durations (a test's, not production's) so a whole programme is a few hundred events; the programme period
    /// is longer than the SDK's 3-day timer limit, so the split of long timers is recorded too.
    /// </summary>
    public static readonly CaseDurations Durations = new(
        AssessmentDeadline: TimeSpan.FromHours(2),
        FollowUpInterval: TimeSpan.FromDays(1),
        FollowUpCount: 2,
        ReminderLead: TimeSpan.FromHours(6),
        GracePeriod: TimeSpan.FromHours(6),
        GraduationMonths: 3,
        ProgrammePeriod: TimeSpan.FromDays(8));

    public DateTimeOffset Start => Enrolled;

    /// <summary>Where the pipeline starts (a restart, from version 2 on); null for an enrolment.</summary>
    public CaseResume? Resume { get; init; }

    public CaseStart CaseStart => new("case-golden-1", Offices.LppKupang, ExpectedRelease, Durations, Resume);

    /// <summary>The recording stops before the first event after this (a pipeline still running); by default it runs to its end.</summary>
    public DateTime Until { get; init; } = DateTime.MaxValue;

    /// <summary>What activity <paramref name="name"/> returns at <paramref name="now"/>.</summary>
    public object ResultOf(string name, DateTime now) => name switch
    {
        nameof(CheckGraduation) => GraduatesAt is { } at && at.UtcDateTime <= now,
        nameof(ApplyRelease) or nameof(QueueNotification) => 1,
        _ => true,
    };
}
