using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.Durable.Engine;

namespace PepFunctions.Durable.Tests.Support;

/// <summary>
/// Drives <see cref="OrchestrationRun"/> the way the worker does: every step is a fresh run that replays
/// the committed history, applies an <see cref="OrchestratorStarted"/> and the step's new events, and
/// appends the steps the code scheduled to the history.
/// </summary>
internal sealed class EngineHarness(ITaskOrchestrator orchestrator, ILoggerFactory? loggerFactory = null)
{
    public const string InstanceId = "order-7";
    public const string ExecutionId = "0123456789abcdef0123456789abcdef";
    public static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private OrchestrationRun? _run;

    /// <summary>The orchestrator the next step runs (swap it to simulate a code change between steps).</summary>
    public ITaskOrchestrator Orchestrator { get; set; } = orchestrator;

    /// <summary>The committed history after the last step.</summary>
    public List<HistoryEvent> History { get; } = [];

    /// <summary>The time of the next step's <see cref="OrchestratorStarted"/>.</summary>
    public DateTime Now { get; set; } = T0;

    /// <summary>The run of the last step.</summary>
    public OrchestrationRun Run => _run ?? throw new InvalidOperationException("No step has run yet.");

    /// <summary>The steps the last step scheduled.</summary>
    public IReadOnlyList<ScheduledEvent> NewSteps { get; private set; } = [];

    public OrchestrationOutcome? Outcome => Run.Outcome;

    public static string? Json(object? value) => JsonDataConverter.Default.Serialize(value);

    /// <summary>Starts the execution with <paramref name="input"/> (the first step).</summary>
    public OrchestrationRun Start(object? input = null) =>
        Step(new ExecutionStarted(Now, "Test", "v1", ExecutionId, Json(input)));

    /// <summary>Runs one step with <paramref name="newEvents"/>.</summary>
    public OrchestrationRun Step(params HistoryEvent[] newEvents)
    {
        var run = new OrchestrationRun(InstanceId, Orchestrator, JsonDataConverter.Default, loggerFactory ?? NullLoggerFactory.Instance);
        run.Replay(History, _run?.CustomStatus);
        run.Apply(new OrchestratorStarted(Now));
        foreach (var newEvent in newEvents)
        {
            run.Apply(newEvent);
        }

        NewSteps = run.TakeNewSteps();
        History.Clear();
        History.AddRange(run.History);
        _run = run;
        return run;
    }

    /// <summary>Replays the committed history in a fresh run and applies nothing new.</summary>
    public OrchestrationRun ReplayOnly()
    {
        var run = new OrchestrationRun(InstanceId, Orchestrator, JsonDataConverter.Default, loggerFactory ?? NullLoggerFactory.Instance);
        run.Replay(History, _run?.CustomStatus);
        return run;
    }

    public TaskCompleted Completed(int taskId, object? result) => new(Now, taskId, Json(result));

    public TaskFailed Failed(int taskId, string message, string errorType = "System.InvalidOperationException") =>
        new(Now, taskId, new TaskFailureDetails(errorType, message));

    public TimerFired Fired(int taskId) =>
        new(Now, taskId, ((TimerCreated)History.OfType<ScheduledEvent>().Single(e => e.TaskId == taskId)).FireAt);

    public EventRaised Raised(string name, object? payload) => new(Now, name, Json(payload), Guid.NewGuid().ToString("N"));

    public SubOrchestrationCompleted ChildCompleted(int taskId, object? result) => new(Now, taskId, Json(result));

    public SubOrchestrationFailed ChildFailed(int taskId, string message) =>
        new(Now, taskId, new TaskFailureDetails("System.InvalidOperationException", message));

    /// <summary>The outcome's output, deserialized; throws unless the execution completed.</summary>
    public T Output<T>()
    {
        var outcome = Outcome ?? throw new InvalidOperationException("The execution has not ended.");
        if (outcome.Status != OrchestrationStatus.Completed)
        {
            throw new InvalidOperationException($"The execution {outcome.Status}: {outcome.Failure?.ErrorType}: {outcome.Failure?.ErrorMessage}");
        }

        return JsonDataConverter.Default.Deserialize<T>(outcome.Output)!;
    }
}
