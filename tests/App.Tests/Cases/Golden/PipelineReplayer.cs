using DurableTask.Core.History;
using PepFunctions.App.Cases;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// Replays a recorded history against a build of the pipeline step by step: for each step (from an
/// <see cref="OrchestratorStartedEvent"/> to the next), the history before it is replayed and the step's incoming
/// events are handed in, and what the pipeline does next must be what the history recorded — the same activities with
/// the same inputs, the same timers at the same times, the same completion. The engine itself checks only names on
/// replay; this catches the silent changes too (a changed input or deadline).
/// </summary>
internal static class PipelineReplayer
{
    /// <summary>The first step where <paramref name="pipeline"/> departs from <paramref name="history"/>, in words; null when it never does.</summary>
    public static string? FirstDifference(CasePipeline pipeline, HistoryFile history)
    {
        var events = history.Events;
        var starts = events.Select((e, i) => (e, i)).Where(x => x.e is OrchestratorStartedEvent).Select(x => x.i).Append(events.Count).ToList();
        for (var k = 0; k < starts.Count - 1; k++)
        {
            var step = events.Skip(starts[k]).Take(starts[k + 1] - starts[k]).ToList();
            var news = step.Where(e => !PipelineExecutor.IsAction(e) && e is not OrchestratorCompletedEvent).ToList();
            var expected = step.Where(PipelineExecutor.IsAction).Select(PipelineExecutor.Describe).ToList();
            List<string> actual;
            try
            {
                actual = [.. PipelineExecutor.Step(pipeline, events.Take(starts[k]), news).Select(PipelineExecutor.Describe)];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                actual = [$"threw {ex.GetType().Name}: {ex.Message}"];
            }

            if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
            {
                return $"{history.Scenario} (version {history.Version}), step {k} at {step[0].Timestamp:O} after {Describe(news)}:"
                    + $"{Environment.NewLine}  recorded: {string.Join(" | ", expected)}{Environment.NewLine}  now:      {string.Join(" | ", actual)}";
            }
        }

        return null;
    }

    private static string Describe(IEnumerable<HistoryEvent> news) => string.Join(", ", news.Where(e => e is not OrchestratorStartedEvent).Select(e => e switch
    {
        EventRaisedEvent raised => $"event {raised.Name}",
        TaskCompletedEvent done => $"result of task {done.TaskScheduledId}",
        TimerFiredEvent fired => $"timer {fired.TimerId}",
        _ => e.EventType.ToString(),
    }));
}
