using System.Reflection;
using Microsoft.DurableTask;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>An <c>activityTrigger</c> function as an SDK activity: each run activates the function's class in a new scope of the app's container.</summary>
internal sealed class FunctionActivity(FunctionDefinition function, IServiceProvider appServices) : ITaskActivity
{
    private readonly ParameterInfo? _trigger = function.Method.GetParameters().SingleOrDefault(p => p.Has("ActivityTriggerAttribute"));

    public Type InputType => _trigger?.ParameterType ?? typeof(object);

    public Type OutputType => function.Method.ReturnType.IsGenericType ? function.Method.ReturnType.GetGenericArguments()[0] : typeof(object);

    public static void Check(FunctionDefinition definition) =>
        FunctionInvoker.CheckBindable(definition, p => p.Has("ActivityTriggerAttribute") || p.ParameterType == typeof(CancellationToken));

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = appServices.CreateAsyncScope();
        return await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, (ParameterInfo p, out object? value) =>
        {
            value = p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : input;
            return true;
        });
    }
}
