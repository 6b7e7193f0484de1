using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.App.Cases;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// Runs one step of <see cref="CasePipeline"/> as the engine does: the SDK's shim (<see cref="DurableTaskShimFactory"/>,
/// as the local runner builds it) on the Durable Task Framework's <see cref="TaskOrchestrationExecutor"/>, given the
/// history so far (<c>past</c>, replayed) and the events that wake it (<c>news</c>). What it answers is the list of
/// actions the pipeline takes next, as the dispatcher would turn them into history events.
/// </summary>
internal static class PipelineExecutor
{
    /// <summary>How payloads are written: the SDK's default converter, which the runner and the isolated worker use for this app.</summary>
    public static DataConverter Converter { get; } = JsonDataConverter.Default;

    private static readonly DurableTaskShimFactory Shims = new(new DurableTaskWorkerOptions { DataConverter = Converter }, NullLoggerFactory.Instance);

    /// <summary>The actions <paramref name="pipeline"/> takes after <paramref name="past"/> when <paramref name="news"/> arrive.</summary>
    public static IReadOnlyList<OrchestratorAction> Step(CasePipeline pipeline, IEnumerable<HistoryEvent> past, IEnumerable<HistoryEvent> news)
    {
        var state = new OrchestrationRuntimeState([.. past]);
        foreach (var e in news)
        {
            state.AddEvent(e);
        }

        var orchestration = Shims.CreateOrchestration(new TaskName(nameof(CasePipeline)), pipeline, parent: null);
        var executor = new TaskOrchestrationExecutor(state, orchestration, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);
        return [.. executor.Execute().Actions];
    }

    /// <summary>
    /// An action or a recorded event in words that are equal exactly when the step is the same: the activity's name and
    /// input, the timer's fire time, or how the pipeline completed.
    /// </summary>
    public static string Describe(OrchestratorAction action) => action switch
    {
        ScheduleTaskOrchestratorAction task => $"activity {task.Name} {task.Input}",
        CreateTimerOrchestratorAction timer => $"timer {timer.FireAt:O}",
        OrchestrationCompleteOrchestratorAction done => $"complete {done.OrchestrationStatus} {done.Result} {done.FailureDetails}",
        _ => $"{action.OrchestratorActionType} (unexpected)",
    };

    /// <inheritdoc cref="Describe(OrchestratorAction)"/>
    public static string Describe(HistoryEvent recorded) => recorded switch
    {
        TaskScheduledEvent task => $"activity {task.Name} {task.Input}",
        TimerCreatedEvent timer => $"timer {timer.FireAt:O}",
        ExecutionCompletedEvent done => $"complete {done.OrchestrationStatus} {done.Result} {done.FailureDetails}",
        _ => $"{recorded.EventType} (unexpected)",
    };

    /// <summary>Whether the engine writes <paramref name="e"/> from the pipeline's actions (rather than waking it with it).</summary>
    public static bool IsAction(HistoryEvent e) => e is TaskScheduledEvent or TimerCreatedEvent or ExecutionCompletedEvent;
}
