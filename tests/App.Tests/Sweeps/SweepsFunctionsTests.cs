using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PepFunctions.App.Http;
using PepFunctions.App.Sweeps;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>The sweeps' timer functions, called as the host calls them on their schedules.</summary>
public sealed class SweepsFunctionsTests
{
    private readonly RecordingSweep _reminder = new(ReferralReminderSweep.SweepName);
    private readonly RecordingSweep _digest = new(OverdueDigestSweep.SweepName);

    [Fact]
    public async Task RunReminderSweepAsync_Enabled_RunsTheReminderSweepOnly()
    {
        await Functions(enabled: true).RunReminderSweepAsync(new TimerInfo(), Client, CancellationToken.None);

        Assert.Equal((1, 0), (_reminder.Runs, _digest.Runs));
    }

    [Fact]
    public async Task RunDailyDigestAsync_Enabled_RunsTheDigestOnly()
    {
        await Functions(enabled: true).RunDailyDigestAsync(new TimerInfo(), Client, CancellationToken.None);

        Assert.Equal((0, 1), (_reminder.Runs, _digest.Runs));
    }

    [Fact]
    public async Task TimerFunctions_Disabled_RunNothing()
    {
        var functions = Functions(enabled: false);

        await functions.RunReminderSweepAsync(new TimerInfo(), Client, CancellationToken.None);
        await functions.RunDailyDigestAsync(new TimerInfo(), Client, CancellationToken.None);

        Assert.Equal((0, 0), (_reminder.Runs, _digest.Runs));
    }

    [Fact]
    public async Task RunReminderSweepAsync_SweepFails_FailsTheInvocationSoTheHostLogsIt()
    {
        _reminder.Fail = true;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Functions(enabled: true).RunReminderSweepAsync(new TimerInfo(), Client, CancellationToken.None));

        Assert.Equal("Storage unreachable (test)", failure.Message);
    }

    private static DurableTaskClient Client => new Mock<DurableTaskClient>("test").Object;

    private SweepsFunctions Functions(bool enabled) =>
        new(new StaffApi(), [_reminder, _digest], Options.Create(new SweepsOptions { Enabled = enabled }), NullLogger<SweepsFunctions>.Instance);

    private sealed class RecordingSweep(string name) : ISweep
    {
        public bool Fail { get; set; }

        public int Runs { get; private set; }

        public string Name => name;

        public Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
        {
            Runs++;
            return Fail ? throw new InvalidOperationException("Storage unreachable (test)") : Task.FromResult(new SweepResult(name, 0, 0));
        }
    }
}
