namespace PepFunctions.Durable.Tests.Support;

/// <summary>An orchestrator whose body is a lambda, for engine tests that need many small orchestrators.</summary>
internal sealed class InlineOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> body)
    : TaskOrchestrator<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => body(context, input);
}

/// <summary>Shorthand for creating <see cref="InlineOrchestrator{TInput, TOutput}"/>s.</summary>
internal static class Orchestrator
{
    public static ITaskOrchestrator Of<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> body) =>
        new InlineOrchestrator<TInput, TOutput>(body);
}
