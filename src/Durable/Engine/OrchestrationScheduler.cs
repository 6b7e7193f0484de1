namespace PepFunctions.Durable.Engine;

/// <summary>
/// Runs an orchestrator's continuations one at a time on the thread that pumps it, so that replay
/// is deterministic: nothing runs concurrently and nothing runs unless the engine pumps.
/// </summary>
internal sealed class OrchestrationScheduler : TaskScheduler
{
    private readonly Queue<Task> _ready = new();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs queued continuations until none is left.</summary>
    public void RunUntilIdle()
    {
        while (_ready.TryDequeue(out var task))
        {
            TryExecuteTask(task);
        }
    }

    protected override void QueueTask(Task task) => _ready.Enqueue(task);

    // Continuations always go through the queue, so they run only when the engine pumps.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _ready.ToArray();
}
