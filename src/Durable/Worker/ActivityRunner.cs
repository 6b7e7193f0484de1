using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>Runs the activities a step scheduled, in this worker, bounded by <see cref="DurableWorkerOptions.MaxConcurrentActivities"/>.</summary>
internal sealed class ActivityRunner(
    DurableTaskRegistry registry, IServiceProvider services, DurableWorkerOptions options, TimeProvider time, ILogger<ActivityRunner> logger)
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentActivities);

    public async Task<HistoryEvent> RunAsync(InstanceRecord record, TaskScheduled task, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var activity = registry.CreateActivity(scope.ServiceProvider, task.Name);
            if (activity is null)
            {
                return new TaskFailed(time.GetUtcNow().UtcDateTime, task.TaskId, new TaskFailureDetails(
                    "ActivityNotFound", $"No activity named '{task.Name}' is registered with this worker."));
            }

            var input = JsonDataConverter.Default.Deserialize(task.Input, activity.InputType);
            var context = new TaskActivityContext(task.Name, record.InstanceId, task.TaskId, record.ExecutionId, cancellationToken);
            var result = await activity.RunAsync(context, input);
            return new TaskCompleted(time.GetUtcNow().UtcDateTime, task.TaskId, JsonDataConverter.Default.Serialize(result));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Activity {ActivityName} (#{TaskId}) of {InstanceId} failed", task.Name, task.TaskId, record.InstanceId);
            return new TaskFailed(time.GetUtcNow().UtcDateTime, task.TaskId, TaskFailureDetails.FromException(ex));
        }
        finally
        {
            _slots.Release();
        }
    }
}
