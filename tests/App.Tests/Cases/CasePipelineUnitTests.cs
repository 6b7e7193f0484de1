using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Moq;
using PepFunctions.App.Cases;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// Every branch of <see cref="CasePipeline"/>, run directly on a <c>Mock&lt;TaskOrchestrationContext&gt;</c> as in
/// Microsoft's guide to unit testing isolated Durable Functions: months of a person's programme pass in simulated time
/// (<see cref="PipelineRun"/>), and the tests assert on the activities called, the timers set and the custom status.
/// </summary>
public sealed class CasePipelineUnitTests
{
    private static readonly DateTime Enrolled = Utc("2025-03-01T08:00:00Z");
    private static readonly DateTime ExpectedRelease = Utc("2025-09-01T00:00:00Z");
    private static readonly CaseDurations Durations = CaseDurations.From(new PipelineOptions { FollowUpCount = 2 });
    private static readonly CaseStart Start = new("case-lpp-kupang-wbp-1", Offices.LppKupang, new DateTimeOffset(ExpectedRelease), Durations);

    // Released on the expected date: follow-up 1 is due on 1 October (reminder 28 September, overdue 8 October),
    // follow-up 2 on 31 October (reminder 28 October, overdue 7 November); the programme ends two years after release.
    private static readonly DateTime FollowUp1Due = Utc("2025-10-01T00:00:00Z");
    private static readonly DateTime FollowUp2Due = Utc("2025-10-31T00:00:00Z");
    private static readonly DateTime ProgrammeEnd = ExpectedRelease + Durations.ProgrammePeriod;

    [Fact]
    public void RunAsync_AssessmentPastDeadline_NotifiesLapasOfficersThenWaitsWithoutDeadline()
    {
        var run = new PipelineRun(Enrolled)
            .Raise(Enrolled.AddDays(20), CaseEvents.AssessmentRecorded, new AssessmentRecorded("lapas.kupang", [TrainingTrack.Batik]))
            .Raise(Enrolled.AddDays(40), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.TransferOut, "lapas.kupang"));

        run.Run(Start);

        var assessmentDue = Enrolled + Durations.AssessmentDeadline;
        Assert.Equal([new NotificationCommand(Start.CaseId, NotificationKind.AssessmentOverdue, null, assessmentDue)], run.Inputs<NotificationCommand>());
        Assert.Equal(
            [new(Start.CaseId, new CaseProgress(PipelineStage.Assessment, assessmentDue, "assessment"), Enrolled),
             new ProgressCommand(Start.CaseId, new CaseProgress(PipelineStage.Training, ExpectedRelease, "release"), Enrolled.AddDays(20))],
            run.Inputs<ProgressCommand>());
        Assert.Equal([assessmentDue, ExpectedRelease], run.TimersSet);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_AssessmentInTime_SendsNoReminderAndCancelsTheDeadline()
    {
        var run = new PipelineRun(Enrolled)
            .Raise(Enrolled.AddDays(3), CaseEvents.AssessmentRecorded, new AssessmentRecorded("lapas.kupang", []))
            .Raise(Enrolled.AddDays(4), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.Death, "lapas.kupang"));

        run.Run(Start);

        Assert.Empty(run.Inputs<NotificationCommand>());
        Assert.Equal([Enrolled + Durations.AssessmentDeadline, ExpectedRelease], run.TimersCancelled);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_ReleaseRecordedEarly_AppliesTheStaffReleaseAndSchedulesFromIt()
    {
        var releasedAt = new DateTimeOffset(Enrolled.AddDays(100));
        var release = new ReleaseRecorded(ReleaseKind.Parole, releasedAt, releasedAt.AddDays(65), "pk.kupang", "lapas.kupang");
        var run = Assessed().Raise(releasedAt.UtcDateTime, CaseEvents.ReleaseRecorded, release)
            .Raise(releasedAt.UtcDateTime.AddDays(10), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.Reoffence, "pk.kupang"));

        run.Run(Start);

        Assert.Equal([new ReleaseCommand(Start.CaseId, release, Durations, releasedAt.UtcDateTime)], run.Inputs<ReleaseCommand>());
        var firstDue = releasedAt.UtcDateTime + Durations.FollowUpInterval;
        Assert.Equal(new CaseProgress(PipelineStage.Mentoring, firstDue, "follow-up", 1), run.Inputs<ProgressCommand>()[^1].Progress);
        Assert.Contains(ExpectedRelease, run.TimersCancelled);
        Assert.Equal(firstDue - Durations.ReminderLead, run.TimersSet[^1]);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_ExpectedReleaseDateComes_ReleasesAtTheEndOfTheSentence()
    {
        var run = Assessed().Raise(ExpectedRelease.AddDays(5), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.ConsentWithdrawn, "pk.kupang"));

        run.Run(Start);

        var release = new ReleaseRecorded(ReleaseKind.EndOfSentence, ExpectedRelease, null, null, CaseTimeline.Pipeline);
        Assert.Equal([new ReleaseCommand(Start.CaseId, release, Durations, ExpectedRelease)], run.Inputs<ReleaseCommand>());
        Assert.Equal(new CaseProgress(PipelineStage.Mentoring, FollowUp1Due, "follow-up", 1), run.Inputs<ProgressCommand>()[^1].Progress);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_FollowUpsRecordedInTime_SendsNoRemindersAndEscalatesNothing()
    {
        var run = FollowedUp(Utc("2025-09-20T00:00:00Z"), Utc("2025-10-20T00:00:00Z"))
            .Raise(Utc("2025-11-15T00:00:00Z"), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.TransferOut, "pk.kupang"));

        run.Run(Start);

        Assert.Empty(run.Inputs<NotificationCommand>());
        Assert.Empty(run.Inputs<FollowUpRef>());
        Assert.Equal(
            [new CaseProgress(PipelineStage.Mentoring, FollowUp1Due, "follow-up", 1),
             new CaseProgress(PipelineStage.Mentoring, FollowUp2Due, "follow-up", 2),
             new CaseProgress(PipelineStage.Mentoring, ProgrammeEnd, "programme end")],
            run.Inputs<ProgressCommand>().Select(p => p.Progress).Where(p => p.Stage == PipelineStage.Mentoring));
        Assert.Contains(FollowUp1Due - Durations.ReminderLead, run.TimersCancelled);
        Assert.Contains(FollowUp2Due - Durations.ReminderLead, run.TimersCancelled);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_FollowUpRecordedAfterReminder_RemindsButDoesNotEscalate()
    {
        var run = FollowedUp(Utc("2025-09-30T00:00:00Z"), Utc("2025-10-20T00:00:00Z"))
            .Raise(Utc("2025-11-15T00:00:00Z"), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.TransferOut, "pk.kupang"));

        run.Run(Start);

        Assert.Equal(
            [new NotificationCommand(Start.CaseId, NotificationKind.FollowUpReminder, 1, FollowUp1Due - Durations.ReminderLead)],
            run.Inputs<NotificationCommand>());
        Assert.Empty(run.Inputs<FollowUpRef>());
        Assert.Contains(FollowUp1Due + Durations.GracePeriod, run.TimersCancelled);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_FollowUpMissed_RemindsThenMarksOverdueAndTellsTheSupervisor()
    {
        // Follow-up 1 never comes; follow-up 2 comes in time, to the wait that follow-up 1's deadline left pending.
        var run = Assessed().Raise(Utc("2025-10-20T00:00:00Z"), CaseEvents.FollowUpRecorded, new FollowUpRecorded(2, "pk.kupang"));

        var outcome = run.Run(Start);

        var reminded = FollowUp1Due - Durations.ReminderLead;
        var overdue = FollowUp1Due + Durations.GracePeriod;
        Assert.Equal(
            [new NotificationCommand(Start.CaseId, NotificationKind.FollowUpReminder, 1, reminded),
             new NotificationCommand(Start.CaseId, NotificationKind.FollowUpOverdue, 1, overdue)],
            run.Inputs<NotificationCommand>());
        Assert.Equal([new FollowUpRef(Start.CaseId, 1, overdue)], run.Inputs<FollowUpRef>());
        Assert.Equal(
            [nameof(RecordProgress), nameof(QueueNotification), nameof(MarkFollowUpOverdue), nameof(QueueNotification), nameof(CheckGraduation),
             nameof(RecordProgress), nameof(CheckGraduation), nameof(RecordProgress), nameof(CheckGraduation), nameof(CloseCase)],
            run.ActivitiesSince(nameof(ApplyRelease)));
        Assert.Equal(PipelineStage.Ended, outcome.Stage);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_FollowUpRecordedAfterItsEscalation_IsPassedOverForTheNextOne()
    {
        var run = Assessed()
            .Raise(Utc("2025-10-10T00:00:00Z"), CaseEvents.FollowUpRecorded, new FollowUpRecorded(1, "pk.kupang"))
            .Raise(Utc("2025-10-20T00:00:00Z"), CaseEvents.FollowUpRecorded, new FollowUpRecorded(2, "pk.kupang"));

        run.Run(Start);

        Assert.Equal([1, 1], run.Inputs<NotificationCommand>().Select(n => n.FollowUp));
        Assert.Equal([1], run.Inputs<FollowUpRef>().Select(f => f.Sequence));
        Assert.Contains(FollowUp2Due - Durations.ReminderLead, run.TimersCancelled);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_WithdrawnWhileAnActivityRuns_ClosesAtTheNextWait()
    {
        // Raised with the assessment: it arrives while the pipeline records the training stage.
        var run = Assessed().Raise(Enrolled.AddDays(1), CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.Death, "lapas.kupang"));

        var outcome = run.Run(Start);

        Assert.Equal(new CaseOutcome(PipelineStage.Withdrawn, nameof(WithdrawalReason.Death)), outcome);
        Assert.Equal([Enrolled.AddDays(1)], run.Inputs<CloseCommand>().Select(c => c.At));
        Assert.Empty(run.Inputs<ReleaseCommand>());
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_NextFollowUpRecordedWhileAnActivityRuns_IsKeptForItsWait()
    {
        // Follow-up 1 comes after its reminder; follow-up 2 is recorded at the same moment, while the pipeline checks graduation.
        var run = FollowedUp(Utc("2025-09-30T00:00:00Z"), Utc("2025-09-30T00:00:00Z"));

        run.Run(Start);

        Assert.Equal([NotificationKind.FollowUpReminder], run.Inputs<NotificationCommand>().Select(n => n.Kind));
        Assert.Equal(Utc("2025-09-30T00:00:00Z"), run.Inputs<ProgressCommand>().Single(p => p.Progress.NextDue == "programme end").At);
        run.AssertNoEventLost();
    }

    [Theory]
    [InlineData("2025-03-01T20:00:00Z", PipelineStage.Assessment, "assessment")]
    [InlineData("2025-04-20T00:00:00Z", PipelineStage.Training, "release")]
    [InlineData("2025-09-10T00:00:00Z", PipelineStage.Mentoring, "follow-up")]
    [InlineData("2025-12-01T00:00:00Z", PipelineStage.Mentoring, "programme end")]
    public void RunAsync_WithdrawnDuringStage_ClosesTheCaseAsWithdrawn(string withdrawnAt, PipelineStage stage, string nextDue)
    {
        var at = Utc(withdrawnAt);
        var run = FollowedUp(Utc("2025-09-20T00:00:00Z"), Utc("2025-10-20T00:00:00Z"))
            .Raise(at, CaseEvents.Withdrawn, new CaseWithdrawn(WithdrawalReason.Reoffence, "pk.kupang"));

        var outcome = run.Run(Start);

        var withdrawn = new CaseOutcome(PipelineStage.Withdrawn, nameof(WithdrawalReason.Reoffence));
        Assert.Equal(withdrawn, outcome);
        var lastProgress = run.Inputs<ProgressCommand>()[^1].Progress;
        Assert.Equal((stage, nextDue), (lastProgress.Stage, lastProgress.NextDue));
        Assert.Equal(nameof(CloseCase), run.Activities[^1].Name);
        Assert.Equal([new CloseCommand(Start.CaseId, withdrawn, at)], run.Inputs<CloseCommand>());
        Assert.Equal(new CaseProgress(PipelineStage.Withdrawn, null, null), run.Statuses[^1]);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_EnoughSalesAfterTheFollowUps_Graduates()
    {
        var run = FollowedUp(Utc("2025-09-20T00:00:00Z"), Utc("2025-10-20T00:00:00Z"))
            .Raise(Utc("2025-11-15T00:00:00Z"), CaseEvents.SalesRecorded, new SalesRecorded("pk.kupang"))
            .Raise(Utc("2025-12-15T00:00:00Z"), CaseEvents.SalesRecorded, new SalesRecorded("pk.kupang"))
            .GraduatingAfterSales(2);

        var outcome = run.Run(Start);

        var graduated = new CaseOutcome(PipelineStage.Graduated, "Sales recorded for enough months.");
        Assert.Equal(graduated, outcome);
        Assert.Equal([new CloseCommand(Start.CaseId, graduated, Utc("2025-12-15T00:00:00Z"))], run.Inputs<CloseCommand>());
        Assert.Equal(5, run.Inputs<GraduationCheck>().Count);
        Assert.All(run.Inputs<GraduationCheck>(), check => Assert.Equal(new GraduationCheck(Start.CaseId, Durations.GraduationMonths), check));
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_EnoughSalesDuringMentoring_GraduatesAtOnce()
    {
        var run = Assessed()
            .Raise(Utc("2025-09-15T00:00:00Z"), CaseEvents.SalesRecorded, new SalesRecorded("pk.kupang"))
            .GraduatingAfterSales(1);

        var outcome = run.Run(Start);

        Assert.Equal(PipelineStage.Graduated, outcome.Stage);
        Assert.Equal([Utc("2025-09-15T00:00:00Z")], run.Inputs<CloseCommand>().Select(c => c.At));
        Assert.DoesNotContain(run.Inputs<ProgressCommand>(), p => p.Progress.FollowUp == 2);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_TooFewSalesByTheProgrammeEnd_EndsTheCase()
    {
        var run = FollowedUp(Utc("2025-09-20T00:00:00Z"), Utc("2025-10-20T00:00:00Z"))
            .Raise(Utc("2026-01-15T00:00:00Z"), CaseEvents.SalesRecorded, new SalesRecorded("pk.kupang"))
            .GraduatingAfterSales(3);

        var outcome = run.Run(Start);

        var ended = new CaseOutcome(PipelineStage.Ended, "The programme period ended.");
        Assert.Equal(ended, outcome);
        Assert.Equal([new CloseCommand(Start.CaseId, ended, ProgrammeEnd)], run.Inputs<CloseCommand>());
        Assert.Equal(4, run.Inputs<GraduationCheck>().Count);
        Assert.Equal(new CaseProgress(PipelineStage.Ended, null, null), run.Statuses[^1]);
        run.AssertNoEventLost();
    }

    [Fact]
    public void RunAsync_EveryStep_SetsTheCustomStatusItRecords()
    {
        var run = FollowedUp(Utc("2025-09-20T00:00:00Z"), Utc("2025-10-20T00:00:00Z"));

        run.Run(Start);

        Assert.Equal([.. run.Inputs<ProgressCommand>().Select(p => p.Progress), new CaseProgress(PipelineStage.Ended, null, null)], run.Statuses);
    }

    [Fact]
    public void RunAsync_EveryActivityCall_RetriesWithBackOff()
    {
        var run = Assessed().Raise(Utc("2025-10-20T00:00:00Z"), CaseEvents.FollowUpRecorded, new FollowUpRecorded(2, "pk.kupang"));

        run.Run(Start);

        Assert.Equal(
            [nameof(ApplyRelease), nameof(CheckGraduation), nameof(CloseCase), nameof(MarkFollowUpOverdue), nameof(QueueNotification), nameof(RecordProgress)],
            run.Activities.Select(a => a.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(run.Activities, call =>
        {
            var policy = call.Options?.Retry?.Policy;
            Assert.NotNull(policy);
            Assert.Equal(6, policy.MaxNumberOfAttempts);
            Assert.Equal(TimeSpan.FromSeconds(5), policy.FirstRetryInterval);
            Assert.Equal(2d, policy.BackoffCoefficient);
            Assert.Equal(TimeSpan.FromMinutes(5), policy.MaxRetryInterval);
        });
    }

    [Fact]
    public async Task RunFunctionAsync_StartedWithACase_RunsThePipelineOnItsInput()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.GetInput<CaseStart>()).Returns(Start);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Enrolled);
        context.Setup(c => c.WaitForExternalEvent<CaseWithdrawn>(CaseEvents.Withdrawn, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CaseWithdrawn(WithdrawalReason.Death, "lapas.kupang"));
        context.Setup(c => c.WaitForExternalEvent<AssessmentRecorded>(CaseEvents.AssessmentRecorded, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<AssessmentRecorded>().Task);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        context.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);

        var outcome = await CasePipeline.RunFunctionAsync(context.Object);

        Assert.Equal(new CaseOutcome(PipelineStage.Withdrawn, nameof(WithdrawalReason.Death)), outcome);
        context.Verify(c => c.CallActivityAsync<bool>(
            It.Is<TaskName>(n => n.Name == nameof(CloseCase)), It.Is<CloseCommand>(close => close.CaseId == Start.CaseId), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public void RunFunctionAsync_OfEveryTask_IsTheFunctionOfTheClassName()
    {
        Type[] tasks = [typeof(CasePipeline), typeof(RecordProgress), typeof(ApplyRelease), typeof(QueueNotification),
            typeof(MarkFollowUpOverdue), typeof(CheckGraduation), typeof(CloseCase)];

        Assert.All(tasks, task => Assert.Equal(task.Name, task.GetMethod("RunFunctionAsync")?.GetCustomAttribute<FunctionAttribute>()?.Name));
    }

    /// <summary>Enrolled, and assessed the next day.</summary>
    private static PipelineRun Assessed() => new PipelineRun(Enrolled)
        .Raise(Enrolled.AddDays(1), CaseEvents.AssessmentRecorded, new AssessmentRecorded("lapas.kupang", [TrainingTrack.Batik]));

    /// <summary>Assessed, released on the expected date, and both follow-ups recorded at the given times.</summary>
    private static PipelineRun FollowedUp(DateTime first, DateTime second) => Assessed()
        .Raise(first, CaseEvents.FollowUpRecorded, new FollowUpRecorded(1, "pk.kupang"))
        .Raise(second, CaseEvents.FollowUpRecorded, new FollowUpRecorded(2, "pk.kupang"));

    private static DateTime Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).UtcDateTime;

    /// <summary>
    /// Runs the pipeline on a strict <c>Mock&lt;TaskOrchestrationContext&gt;</c> in simulated time. Staff events arrive at
    /// the times the test gives; a durable timer fires when the clock reaches it; an activity answers in the next step,
    /// so an event raised at the moment of a call arrives while the activity runs. Each step completes one thing and the
    /// pipeline runs on synchronously until it waits again: an event due now, else the oldest running activity, else
    /// the earliest event or timer to come (an event first on a tie).
    /// </summary>
    /// <remarks>
    /// External events follow Durable Task's rules (Microsoft.DurableTask.Worker 1.28): an event goes to the most recent
    /// wait of its name, even a cancelled one, where it is lost; with no wait it is kept for the next. A second wait for
    /// a name while one is pending fails the test: the pipeline keeps at most one (see <see cref="Cases.V1.CaseWaitsV1"/>).
    /// </remarks>
    private sealed class PipelineRun
    {
        private static readonly Dictionary<string, (Type Input, Type Output)> ActivityTypes = typeof(CasePipeline).Assembly.GetTypes()
            .Where(type => type.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            .ToDictionary(type => type.Name, type => (type.BaseType!.GetGenericArguments()[0], type.BaseType.GetGenericArguments()[1]), StringComparer.Ordinal);

        private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
        private readonly List<(DateTime At, string Name, object Payload)> _toCome = [];
        private readonly List<(DateTime At, string Name)> _raised = [];
        private readonly Dictionary<string, Queue<object>> _buffered = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Stack<IWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(DateTime FireAt, TaskCompletionSource Timer)> _timers = [];
        private readonly Queue<Action> _running = new();
        private readonly List<string> _lost = [];
        private int _salesToGraduate = int.MaxValue;

        public PipelineRun(DateTime start)
        {
            Now = start;
            // These tests pin version 1 (the version of instances started before versioning too).
            _context.SetupGet(c => c.Version).Returns(PipelineVersions.V1);
            _context.Setup(c => c.CompareVersionTo(It.IsAny<string>()))
                .Returns((string version) => DurableTask.Core.Settings.VersioningSettings.CompareVersions(PipelineVersions.V1, version));
            _context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
            _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => Statuses.Add(Assert.IsType<PipelineStatus>(status).ToProgress()));
            _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
                .Returns((DateTime fireAt, CancellationToken cancellation) => CreateTimer(fireAt, cancellation));
            SetUpActivities<bool>();
            SetUpActivities<int>();
            SetUpEvent<AssessmentRecorded>();
            SetUpEvent<ReleaseRecorded>();
            SetUpEvent<FollowUpRecorded>();
            SetUpEvent<SalesRecorded>();
            SetUpEvent<CaseWithdrawn>();
        }

        /// <summary>The pipeline's clock.</summary>
        public DateTime Now { get; private set; }

        /// <summary>Every activity call, in order.</summary>
        public List<(string Name, object? Input, TaskOptions? Options)> Activities { get; } = [];

        /// <summary>Every custom status set, in order.</summary>
        public List<CaseProgress> Statuses { get; } = [];

        /// <summary>When each timer set was due, in the order they were set.</summary>
        public List<DateTime> TimersSet { get; } = [];

        /// <summary>When each timer cancelled before it fired was due.</summary>
        public List<DateTime> TimersCancelled { get; } = [];

        /// <summary>Staff raise <paramref name="name"/> at <paramref name="at"/>.</summary>
        public PipelineRun Raise(DateTime at, string name, object payload)
        {
            var later = _toCome.FindIndex(e => e.At > at);
            _toCome.Insert(later < 0 ? _toCome.Count : later, (at, name, payload));
            return this;
        }

        /// <summary><see cref="CheckGraduation"/> answers true once <paramref name="count"/> sales events were raised (the sales rows are written first).</summary>
        public PipelineRun GraduatingAfterSales(int count)
        {
            _salesToGraduate = count;
            return this;
        }

        /// <summary>Runs the pipeline until it returns.</summary>
        public CaseOutcome Run(CaseStart start)
        {
            // No synchronization context: the pipeline's continuations run inline when a wait completes.
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                var run = new CasePipeline().RunAsync(_context.Object, start);
                for (var steps = 0; !run.IsCompleted; steps++)
                {
                    if (steps > 1_000 || !Step())
                    {
                        throw new InvalidOperationException($"The pipeline is stuck at {Now:O}: nothing the test raises or times will end its wait.");
                    }
                }

                return run.GetAwaiter().GetResult();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }
        }

        /// <summary>The inputs of the activity that takes <typeparamref name="TInput"/>, in call order.</summary>
        public List<TInput> Inputs<TInput>() => [.. Activities.Select(call => call.Input).OfType<TInput>()];

        /// <summary>The names of the activities called after the first call of <paramref name="name"/>.</summary>
        public List<string> ActivitiesSince(string name) =>
            [.. Activities.Select(call => call.Name).SkipWhile(called => called != name).Skip(1)];

        /// <summary>No event went to a cancelled wait.</summary>
        public void AssertNoEventLost() => Assert.Empty(_lost);

        private bool Step()
        {
            if (_toCome.Count > 0 && _toCome[0].At <= Now)
            {
                return Raise();
            }

            if (_running.TryDequeue(out var complete))
            {
                complete();
                return true;
            }

            var timer = _timers.Where(t => !t.Timer.Task.IsCompleted).OrderBy(t => t.FireAt).FirstOrDefault();
            if (_toCome.Count > 0 && (timer.Timer is null || _toCome[0].At <= timer.FireAt))
            {
                return Raise();
            }

            if (timer.Timer is null)
            {
                return false;
            }

            Now = timer.FireAt > Now ? timer.FireAt : Now;
            timer.Timer.SetResult();
            return true;
        }

        private bool Raise()
        {
            var (at, name, payload) = _toCome[0];
            _toCome.RemoveAt(0);
            Now = at > Now ? at : Now;
            _raised.Add((Now, name));
            Deliver(name, payload);
            return true;
        }

        private void Deliver(string name, object payload)
        {
            if (_waiters.TryGetValue(name, out var waiters) && waiters.TryPop(out var waiter))
            {
                if (!waiter.TrySetResult(payload))
                {
                    _lost.Add(name);
                }

                return;
            }

            if (!_buffered.TryGetValue(name, out var buffered))
            {
                _buffered[name] = buffered = new Queue<object>();
            }

            buffered.Enqueue(payload);
        }

        private Task<T> WaitForEvent<T>(string name, CancellationToken cancellation)
        {
            if (!_waiters.TryGetValue(name, out var waiters))
            {
                _waiters[name] = waiters = new Stack<IWaiter>();
            }

            Assert.False(waiters.Any(w => !w.Task.IsCompleted), $"A second wait for {name} while one is pending: only the newer would get the next event.");
            var waiter = new Waiter<T>();
            waiters.Push(waiter);
            if (_buffered.TryGetValue(name, out var buffered) && buffered.TryDequeue(out var payload))
            {
                Deliver(name, payload);
            }

            cancellation.Register(waiter.Cancel);
            return waiter.Task;
        }

        private Task CreateTimer(DateTime fireAt, CancellationToken cancellation)
        {
            // The SDK calls ToUniversalTime() on the fire time: a local or unspecified time would move.
            Assert.Equal(DateTimeKind.Utc, fireAt.Kind);
            TimersSet.Add(fireAt);
            var timer = new TaskCompletionSource();
            _timers.Add((fireAt, timer));
            cancellation.Register(() =>
            {
                if (timer.TrySetCanceled())
                {
                    TimersCancelled.Add(fireAt);
                }
            });
            return timer.Task;
        }

        private object RunActivity(TaskName name, Type output, object? input, TaskOptions? options)
        {
            Assert.True(ActivityTypes.TryGetValue(name.Name, out var types), $"No activity class is named {name.Name}.");
            Assert.IsType(types.Input, input);
            Assert.Equal(types.Output, output);
            Activities.Add((name.Name, input, options));
            return name.Name switch
            {
                nameof(CheckGraduation) => _raised.Count(e => e.Name == CaseEvents.SalesRecorded) >= _salesToGraduate,
                nameof(ApplyRelease) => Durations.FollowUpCount,
                nameof(QueueNotification) => 1,
                _ => true,
            };
        }

        private void SetUpActivities<TResult>() =>
            _context.Setup(c => c.CallActivityAsync<TResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
                .Returns((TaskName name, object? input, TaskOptions? options) =>
                {
                    var result = (TResult)RunActivity(name, typeof(TResult), input, options);
                    var call = new TaskCompletionSource<TResult>();
                    _running.Enqueue(() => call.SetResult(result));
                    return call.Task;
                });

        private void SetUpEvent<T>() =>
            _context.Setup(c => c.WaitForExternalEvent<T>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .Returns((string name, CancellationToken cancellation) => WaitForEvent<T>(name, cancellation));

        private interface IWaiter
        {
            Task Task { get; }

            bool TrySetResult(object payload);
        }

        private sealed class Waiter<T> : IWaiter
        {
            private readonly TaskCompletionSource<T> _source = new();

            public Task<T> Task => _source.Task;

            Task IWaiter.Task => _source.Task;

            public bool TrySetResult(object payload) => _source.TrySetResult((T)payload);

            public void Cancel() => _source.TrySetCanceled();
        }
    }
}
