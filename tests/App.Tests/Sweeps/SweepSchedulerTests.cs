using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PepFunctions.App.Sweeps;

namespace PepFunctions.App.Tests.Sweeps;

public sealed class SweepSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 7, 30, TimeSpan.Zero);

    [Fact]
    public async Task ExecuteAsync_QuarterHourSchedule_RunsAtEachOccurrenceOnFakeTime()
    {
        var time = new FakeTimeProvider(Start);
        var sweep = new RecordingSweep(ReferralReminderSweep.SweepName, time);
        using var scheduler = Scheduler(time, sweep);
        await scheduler.StartAsync(CancellationToken.None);

        await AdvanceUntilAsync(time, () => sweep.RunTimes.Count >= 2);
        await scheduler.StopAsync(CancellationToken.None);

        // Time moves a minute at a time, so each run is seen within the quarter hour it belongs to, never before it.
        var quarter = new DateTimeOffset(2025, 3, 1, 10, 15, 0, TimeSpan.Zero);
        Assert.InRange(sweep.RunTimes[0], quarter, quarter.AddMinutes(15).AddTicks(-1));
        Assert.InRange(sweep.RunTimes[1], quarter.AddMinutes(15), quarter.AddMinutes(30).AddTicks(-1));
    }

    [Fact]
    public async Task ExecuteAsync_SweepFails_RunsAgainAtTheNextOccurrence()
    {
        var time = new FakeTimeProvider(Start);
        var sweep = new RecordingSweep(ReferralReminderSweep.SweepName, time) { Fail = true };
        using var scheduler = Scheduler(time, sweep);
        await scheduler.StartAsync(CancellationToken.None);

        await AdvanceUntilAsync(time, () => sweep.RunTimes.Count >= 2);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.True(sweep.RunTimes.Count >= 2);
    }

    [Fact]
    public async Task ExecuteAsync_Disabled_NeverRuns()
    {
        var time = new FakeTimeProvider(Start);
        var sweep = new RecordingSweep(ReferralReminderSweep.SweepName, time);
        using var scheduler = Scheduler(time, sweep, enabled: false);
        await scheduler.StartAsync(CancellationToken.None);

        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(5);
        }

        await scheduler.StopAsync(CancellationToken.None);
        Assert.Empty(sweep.RunTimes);
    }

    private static SweepScheduler Scheduler(TimeProvider time, ISweep sweep, bool enabled = true) =>
        new([sweep], Options.Create(new SweepsOptions { ReminderSweep = "0 */15 * * * *", Enabled = enabled }), time, NullLogger<SweepScheduler>.Instance);

    // The scheduler's loop runs on a background thread: move time a minute at a time, giving the loop a moment after each step.
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The sweep did not run in time.");
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
    }

    private sealed class RecordingSweep(string name, TimeProvider time) : ISweep
    {
        private readonly List<DateTimeOffset> _runs = [];

        public bool Fail { get; init; }

        public string Name => name;

        public IReadOnlyList<DateTimeOffset> RunTimes
        {
            get
            {
                lock (_runs)
                {
                    return [.. _runs];
                }
            }
        }

        public Task<SweepResult> RunAsync(CancellationToken cancellationToken)
        {
            lock (_runs)
            {
                _runs.Add(time.GetUtcNow());
            }

            return Fail ? throw new InvalidOperationException("Storage unreachable (test)") : Task.FromResult(new SweepResult(name, 0, 0));
        }
    }
}
