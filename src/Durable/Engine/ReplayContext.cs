using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PepFunctions.Durable.Engine;

/// <summary>The context an orchestrator sees while the engine runs it.</summary>
internal sealed class ReplayContext(OrchestrationRun run, ExecutionStarted started, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    public override string InstanceId => run.InstanceId;

    public override string Name => started.Name;

    public override string Version => started.Version;

    public override DateTime CurrentUtcDateTime => run.CurrentUtcDateTime;

    public override bool IsReplaying => run.IsReplaying;

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = run.Converter.Serialize(input);
        var result = await WithRetry(
            options?.Retry,
            () => run.ScheduleStep(id => new TaskScheduled(CurrentUtcDateTime, id, name, serialized)));
        return run.Converter.Deserialize<TResult>(result)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var fireAtUtc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var timer = run.ScheduleStep(id => new TimerCreated(CurrentUtcDateTime, id, fireAtUtc));
        if (!cancellationToken.CanBeCanceled)
        {
            return timer;
        }

        // A canceled timer still fires in storage; its firing is then simply ignored by the code.
        var canceled = new TaskCompletionSource();
        cancellationToken.Register(() => canceled.TrySetCanceled(cancellationToken));
        return Task.WhenAny(timer, canceled.Task).Unwrap();
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var payload = await run.WaitForEvent(eventName, cancellationToken);
        return run.Converter.Deserialize<T>(payload)!;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        using var stopWaiting = new CancellationTokenSource();
        var eventTask = run.WaitForEvent(eventName, stopWaiting.Token);
        if (eventTask.IsCompleted)
        {
            return run.Converter.Deserialize<T>(await eventTask)!;
        }

        using var stopTimer = new CancellationTokenSource();
        var timerTask = CreateTimer(CurrentUtcDateTime.Add(timeout), stopTimer.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);
        if (winner == eventTask)
        {
            stopTimer.Cancel();
            return run.Converter.Deserialize<T>(await eventTask)!;
        }

        stopWaiting.Cancel();
        throw new TimeoutException($"Event '{eventName}' did not arrive within {timeout}.");
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(
        string name, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = run.Converter.Serialize(input);
        var result = await WithRetry(options?.Retry, () => run.ScheduleStep(id =>
        {
            if (options?.InstanceId is { } requested)
            {
                InstanceIds.Validate(requested, nameof(options));
            }

            var childId = options?.InstanceId is { } fixedId && options.Retry is null
                ? fixedId
                : $"{options?.InstanceId ?? InstanceId}:{started.ExecutionId[..8]}:{id.ToString(CultureInfo.InvariantCulture)}";
            return new SubOrchestrationCreated(CurrentUtcDateTime, id, name, options?.Version, childId, serialized);
        }));
        return run.Converter.Deserialize<TResult>(result)!;
    }

    public override void ContinueAsNew(object? newInput, ContinueAsNewOptions? options = null) =>
        run.RequestContinueAsNew(run.Converter.Serialize(newInput), options ?? new ContinueAsNewOptions());

    public override void SetCustomStatus(object? customStatus) => run.SetCustomStatus(run.Converter.Serialize(customStatus));

    public override Guid NewGuid()
    {
        var counter = run.NextGuidCounter++;
        return DeterministicGuid.Create(string.Create(
            CultureInfo.InvariantCulture, $"{InstanceId}/{started.ExecutionId}/{CurrentUtcDateTime:O}/{counter}"));
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, loggerFactory.CreateLogger(categoryName));

    private async Task<string?> WithRetry(RetryPolicy? policy, Func<Task<string?>> attempt)
    {
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException ex) when (policy is not null && policy.ShouldRetry(attemptNumber, ex.FailureDetails))
            {
                await CreateTimer(CurrentUtcDateTime.Add(policy.DelayAfter(attemptNumber)), CancellationToken.None);
            }
        }
    }

    private sealed class ReplaySafeLogger(ReplayContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }

    internal static ILoggerFactory NoLogging => NullLoggerFactory.Instance;
}
