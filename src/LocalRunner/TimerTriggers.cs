using System.Reflection;
using System.Text.RegularExpressions;
using Cronos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace PepFunctions.LocalRunner;

/// <summary>
/// Fires each <c>timerTrigger</c> function on its NCRONTAB schedule (six fields, with seconds, in UTC), resolving a
/// <c>%setting%</c> schedule from the app's configuration as the Functions host does. A run that throws is logged
/// and the schedule goes on: no function can stop the runner.
/// </summary>
internal sealed partial class TimerTriggers(FunctionDefinition function, CronExpression schedule, IServiceProvider appServices, DurableTaskClient client, ILogger logger)
{
    /// <summary>host.json's <c>functionTimeout</c>: a run's cancellation token is cancelled when it is up.</summary>
    public TimeSpan? Timeout { get; init; }

    public static void Check(FunctionDefinition function) =>
        FunctionInvoker.CheckBindable(function, p =>
            p.ParameterType == typeof(TimerInfo) || p.ParameterType == typeof(CancellationToken) || p.ParameterType == typeof(DurableTaskClient));

    /// <summary>The function's schedule, with a <c>%setting%</c> resolved from <paramref name="configuration"/>.</summary>
    /// <exception cref="InvalidOperationException">The schedule names a setting that is not set, or is not a six-field NCRONTAB expression.</exception>
    public static CronExpression Schedule(FunctionDefinition function, IConfiguration configuration)
    {
        var text = Setting().Replace(function.Trigger.Schedule ?? "", match =>
            configuration[match.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)]
            ?? throw new InvalidOperationException($"Function '{function.Name}': its schedule names the setting '{match.Groups[1].Value}', which is not set."));
        try
        {
            return CronExpression.Parse(text, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException($"Function '{function.Name}': '{text}' is not a six-field NCRONTAB schedule: {ex.Message}", ex);
        }
    }

    /// <summary>Where the schedule's lease and status are kept; none (no lease, no catch-up) when null.</summary>
    public TimerStore? Store { get; init; }

    public async Task RunAsync(CancellationToken stopping)
    {
        var first = true;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var holding = Store is null ? stopping : await Store.HoldAsync(function.Name, stopping);
                await RunHoldingAsync(holding, first, stopping);
                first = false;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or AggregateException or OperationCanceledException)
            {
                logger.LogWarning(ex, "Timer {Function}: its lease or status cannot be reached in storage; trying again", function.Name);
                await Task.Delay(TimeSpan.FromSeconds(5), stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Runs the schedule while this process holds its lease (<paramref name="holding"/>).</summary>
    private async Task RunHoldingAsync(CancellationToken holding, bool first, CancellationToken stopping)
    {
        var last = DateTime.UtcNow;
        var status = Store is null ? null : await Store.ReadStatusAsync(function.Name, holding);
        if (status is { } missed && missed.Next < last)
        {
            // A run fell due while no process held the schedule: it runs once now, past due.
            await FireAsync(missed.Next, pastDue: true, stopping, missed);
        }
        else if (first && function.Trigger.RunOnStartup)
        {
            await FireAsync(last, pastDue: false, stopping);
        }
        else if (Store is not null && status is null)
        {
            await Store.WriteStatusAsync(function.Name, Status(last, DateTime.MinValue), holding);
        }

        while (!holding.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(last, TimeZoneInfo.Utc) ?? DateTime.MaxValue;
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, holding).ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            if (holding.IsCancellationRequested)
            {
                return;
            }

            last = next;
            await FireAsync(next, pastDue: DateTime.UtcNow - next > TimeSpan.FromMinutes(1), stopping);
        }
    }

    private ScheduleStatus Status(DateTime from, DateTime last) =>
        new() { Last = last, Next = schedule.GetNextOccurrence(from, TimeZoneInfo.Utc) ?? DateTime.MaxValue, LastUpdated = DateTime.UtcNow };

    private async Task FireAsync(DateTime due, bool pastDue, CancellationToken stopping, ScheduleStatus? stored = null)
    {
        var now = Status(DateTime.UtcNow > due ? DateTime.UtcNow : due, due);
        var timer = new TimerInfo { IsPastDue = pastDue, ScheduleStatus = stored ?? now };
        if (Store is not null)
        {
            // Recorded before the run, as the host's monitor records it: a crash during the run does not make it past due again.
            await Store.WriteStatusAsync(function.Name, now, stopping);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (Timeout is { } limit)
        {
            run.CancelAfter(limit);
        }

        try
        {
            await using var scope = appServices.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, (ParameterInfo p, out object? value) =>
            {
                value = p.ParameterType == typeof(TimerInfo) ? timer : p.ParameterType == typeof(CancellationToken) ? run.Token : client;
                return true;
            });
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(ex, "Timer function {Function} failed; it runs again on its schedule", function.Name);
        }
        catch (Exception ex) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the run was cancelled with it, and stopping must not fail over it.
            logger.LogDebug(ex, "Timer function {Function} stopped with the host", function.Name);
        }
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Setting();
}
