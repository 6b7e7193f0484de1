using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// Timer triggers fire on their NCRONTAB schedules (six fields, with seconds), a <c>%setting%</c> schedule read from
/// the app's settings; a schedule that is unset or malformed stops the runner at start, naming the function.
/// </summary>
public sealed class TimerTriggersTests
{
    private static int s_runs;

    [Fact]
    public void Schedule_SettingHoldingTheSchedule_ResolvesIt()
    {
        var schedule = TimerTriggers.Schedule(Timer("%Sweeps:Nightly%"), Configuration(("Sweeps:Nightly", "0 30 3 * * *")));

        Assert.Equal(new DateTime(2026, 1, 2, 3, 30, 0, DateTimeKind.Utc), schedule.GetNextOccurrence(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Schedule_SettingNameWithDoubleUnderscores_ResolvesTheSection()
    {
        var schedule = TimerTriggers.Schedule(Timer("%Sweeps__Nightly%"), Configuration(("Sweeps:Nightly", "*/5 * * * * *")));

        Assert.Equal(new DateTime(2026, 1, 2, 0, 0, 5, DateTimeKind.Utc), schedule.GetNextOccurrence(new DateTime(2026, 1, 2, 0, 0, 1, DateTimeKind.Utc)));
    }

    [Fact]
    public void Schedule_LiteralSchedule_IsUsedAsItIs()
    {
        var schedule = TimerTriggers.Schedule(Timer("0 0 */2 * * *"), Configuration());

        Assert.Equal(new DateTime(2026, 1, 2, 2, 0, 0, DateTimeKind.Utc), schedule.GetNextOccurrence(new DateTime(2026, 1, 2, 0, 0, 1, DateTimeKind.Utc)));
    }

    [Fact]
    public void Schedule_UnsetSetting_NamesTheFunctionAndTheSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TimerTriggers.Schedule(Timer("%Sweeps:Nightly%"), Configuration()));

        Assert.Contains("Function 'NightlySweep'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'Sweeps:Nightly', which is not set", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("every night")]
    [InlineData("")]
    public void Schedule_NotASixFieldSchedule_NamesTheFunction(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TimerTriggers.Schedule(Timer("%Sweeps:Nightly%"), Configuration(("Sweeps:Nightly", value))));

        Assert.Contains("Function 'NightlySweep'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("is not a six-field NCRONTAB schedule", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FunctionThatThrows_FiresAgainOnItsSchedule()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var timer = new TimerTriggers(Timer("* * * * * *", nameof(FailingSweep)), TimerTriggers.Schedule(Timer("* * * * * *"), Configuration()), services, null!, NullLogger.Instance);
        using var stopping = new CancellationTokenSource();

        var running = timer.RunAsync(stopping.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref s_runs) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await stopping.CancelAsync();
        await running;
        Assert.True(Volatile.Read(ref s_runs) >= 2, $"The failing timer function ran {s_runs} times in 10 seconds on a schedule of every second.");
    }

    [Fact]
    public async Task StartAsync_ScheduleNamingAnUnsetSetting_StopsAtStartNamingTheFunctionWithNothingStarted()
    {
        using var app = AppBuild.Copy();
        var name = UseSchedule(app, "%Sweeps:NoSuchSchedule%");
        var hub = await TaskHub.CreateAsync("timers");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app.Directory, hub, []));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'Sweeps:NoSuchSchedule', which is not set", refused.Message, StringComparison.Ordinal);
        await AssertNothingStartedAsync(hub);
    }

    [Fact]
    public async Task StartAsync_ScheduleSettingThatIsMalformed_StopsAtStartNamingTheFunctionWithNothingStarted()
    {
        // A setting only the runner reads: the app validates its own schedule settings, which would stop it first.
        using var app = AppBuild.Copy();
        var name = UseSchedule(app, "%Runner:Schedule%");
        var hub = await TaskHub.CreateAsync("timers");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app.Directory, hub, [new("Runner__Schedule", "every five minutes")]));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'every five minutes' is not a six-field NCRONTAB schedule", refused.Message, StringComparison.Ordinal);
        await AssertNothingStartedAsync(hub);
    }

    /// <summary>A timer function for <see cref="RunAsync_FunctionThatThrows_FiresAgainOnItsSchedule"/>: counts its runs and fails each.</summary>
    internal static void FailingSweep(TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Interlocked.Increment(ref s_runs);
        throw new InvalidOperationException("The sweep failed.");
    }

    internal static void Sweep(TimerInfo timer) => ArgumentNullException.ThrowIfNull(timer);

    // The app's sample settings give every other schedule; the engine would start on the test's own hub.
    private static Task<FunctionHost> StartAsync(string appDirectory, TaskHub hub, KeyValuePair<string, string?>[] settings) =>
        FunctionHost.StartAsync(new FunctionHostOptions
        {
            AppDirectory = appDirectory,
            SettingsFile = Path.Combine(appDirectory, LocalSettings.SampleFileName),
            Settings = new Dictionary<string, string?>(hub.Settings.Concat(settings)),
            Urls = "http://127.0.0.1:0",
            RunTimers = true,
        }).WaitAsync(TimeSpan.FromMinutes(1));

    /// <summary>Gives the copy's first timer function <paramref name="schedule"/>; returns its name.</summary>
    private static string UseSchedule(AppCopy app, string schedule)
    {
        string? name = null;
        app.EditMetadata(metadata =>
        {
            var timer = metadata.Select(e => e!.AsObject()).First(e => e["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == "timerTrigger"));
            name = timer["name"]!.GetValue<string>();
            timer["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "timerTrigger")!["schedule"] = schedule;
        });
        return name!;
    }

    private static async Task AssertNothingStartedAsync(TaskHub hub)
    {
        try
        {
            Assert.Empty(await hub.TablesAsync());
        }
        finally
        {
            await hub.DeleteAsync();
        }
    }

    private static FunctionDefinition Timer(string schedule, string method = nameof(Sweep)) => new(
        "NightlySweep",
        typeof(TimerTriggersTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!,
        [new BindingMetadata { Name = "timer", Type = "timerTrigger", Direction = "In", Schedule = schedule }]);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

}
