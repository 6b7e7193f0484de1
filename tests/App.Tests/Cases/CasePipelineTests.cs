using Moq;
using PepFunctions.App.Cases;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Tests.Cases;

/// <summary>The pipeline's decisions, with a faked orchestration context: no storage, no clock.</summary>
public sealed class CasePipelineTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static readonly CaseDurations Durations = CaseDurations.From(new PipelineOptions { FollowUpCount = 2 });

    private static readonly CaseStart Start = new("case-lpp-kupang-wbp-1", Offices.LppKupang, new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero), Durations);

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<(string Name, object? Input)> _activities = [];

    public CasePipelineTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _context.Setup(c => c.CallActivityAsync<object?>(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((string name, object? input, TaskOptions? _) => _activities.Add((name, input)))
            .ReturnsAsync((object?)null);
        _context.Setup(c => c.CallActivityAsync<bool>(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((string name, object? input, TaskOptions? _) => _activities.Add((name, input)))
            .ReturnsAsync(false);
    }

    [Fact]
    public async Task RunAsync_AssessmentLate_RemindsThenWaitsWithoutDeadline()
    {
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _context.SetupSequence(c => c.WaitForExternalEvent<AssessmentRecorded>(CaseEvents.AssessmentRecorded, It.IsAny<CancellationToken>()))
            .Returns(Never<AssessmentRecorded>())
            .Returns(Task.FromResult(new AssessmentRecorded("lapas.kupang", [TrainingTrack.Batik])));
        _context.SetupSequence(c => c.WaitForExternalEvent<CaseWithdrawn>(CaseEvents.Withdrawn, It.IsAny<CancellationToken>()))
            .Returns(Never<CaseWithdrawn>())
            .Returns(Never<CaseWithdrawn>())
            .Returns(Task.FromResult(new CaseWithdrawn(WithdrawalReason.TransferOut, "lapas.kupang")));
        _context.Setup(c => c.WaitForExternalEvent<ReleaseRecorded>(CaseEvents.ReleaseRecorded, It.IsAny<CancellationToken>())).Returns(Never<ReleaseRecorded>());

        var outcome = await new CasePipeline().RunAsync(_context.Object, Start);

        Assert.Equal(new CaseOutcome(PipelineStage.Withdrawn, nameof(WithdrawalReason.TransferOut)), outcome);
        Assert.Equal([nameof(RecordProgress), nameof(QueueNotification), nameof(RecordProgress), nameof(CloseCase)], _activities.Select(a => a.Name));
        Assert.Equal(new NotificationCommand(Start.CaseId, NotificationKind.AssessmentOverdue, null, Now), _activities[1].Input);
        _context.Verify(c => c.CreateTimer(Now + Durations.AssessmentDeadline, It.IsAny<CancellationToken>()), Times.Once);
        _context.Verify(c => c.CreateTimer(Start.ExpectedRelease.UtcDateTime, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_FollowUpsRecordedThenSales_Graduates()
    {
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Never<object>());
        _context.Setup(c => c.WaitForExternalEvent<AssessmentRecorded>(CaseEvents.AssessmentRecorded, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AssessmentRecorded("lapas.kupang", []));
        _context.Setup(c => c.WaitForExternalEvent<ReleaseRecorded>(CaseEvents.ReleaseRecorded, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReleaseRecorded(ReleaseKind.EndOfSentence, Now, null, null, "lapas.kupang"));
        _context.Setup(c => c.WaitForExternalEvent<CaseWithdrawn>(CaseEvents.Withdrawn, It.IsAny<CancellationToken>())).Returns(Never<CaseWithdrawn>());
        _context.SetupSequence(c => c.WaitForExternalEvent<FollowUpRecorded>(CaseEvents.FollowUpRecorded, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FollowUpRecorded(1, "pk.kupang"))
            .ReturnsAsync(new FollowUpRecorded(2, "pk.kupang"));
        _context.Setup(c => c.WaitForExternalEvent<SalesRecorded>(CaseEvents.SalesRecorded, It.IsAny<CancellationToken>())).ReturnsAsync(new SalesRecorded("pk.kupang"));
        _context.SetupSequence(c => c.CallActivityAsync<bool>(nameof(CheckGraduation), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(false).ReturnsAsync(false).ReturnsAsync(false).ReturnsAsync(true);

        var outcome = await new CasePipeline().RunAsync(_context.Object, Start);

        Assert.Equal(PipelineStage.Graduated, outcome.Stage);
        var release = Assert.IsType<ReleaseCommand>(Assert.Single(_activities, a => a.Name == nameof(ApplyRelease)).Input);
        Assert.Equal(Durations, release.Durations);
        Assert.DoesNotContain(_activities, a => a.Name is nameof(QueueNotification) or nameof(MarkFollowUpOverdue));
        _context.Verify(c => c.CreateTimer(Now + Durations.FollowUpInterval - Durations.ReminderLead, It.IsAny<CancellationToken>()), Times.Once);
        _context.Verify(c => c.CreateTimer(Now + Durations.ProgrammePeriod, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static Task<T> Never<T>() => new TaskCompletionSource<T>().Task;
}
