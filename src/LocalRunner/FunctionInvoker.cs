using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace PepFunctions.LocalRunner;

/// <summary>
/// Calls a function's method with its parameters bound the way the worker binds them, for the few bindings the
/// runner hosts: each parameter is asked of <see cref="Bind"/>, which the trigger supplies.
/// </summary>
internal static class FunctionInvoker
{
    /// <summary>Supplies a parameter's value; returns false when this trigger cannot bind it.</summary>
    public delegate bool Bind(ParameterInfo parameter, out object? value);

    /// <summary>
    /// Activates the function's class in <paramref name="services"/> (a scope of the app's container, as the worker
    /// does per invocation), calls the method and awaits it.
    /// </summary>
    /// <returns>The method's result (the awaited value of a task), or null for <c>void</c> and <c>Task</c>.</returns>
    public static async Task<object?> InvokeAsync(FunctionDefinition function, IServiceProvider services, Bind bind)
    {
        var method = function.Method;
        var arguments = method.GetParameters().Select(parameter => bind(parameter, out var value)
            ? value
            : throw new NotSupportedException(
                $"Function '{function.Name}': the local runner cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name})."))
            .ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    /// <summary>Checks up front that every parameter of <paramref name="function"/> can be bound (so the runner refuses at start, not at the first call).</summary>
    public static void CheckBindable(FunctionDefinition function, Func<ParameterInfo, bool> canBind)
    {
        if (function.Method.GetParameters().FirstOrDefault(p => !canBind(p)) is { } unbound)
        {
            throw new NotSupportedException(
                $"Function '{function.Name}': the local runner cannot bind parameter '{unbound.Name}' ({unbound.ParameterType.FullName}); " +
                "it binds the trigger, route values, CancellationToken and [DurableClient] DurableTaskClient.");
        }
    }

    /// <summary>Whether <paramref name="parameter"/> carries the attribute named <paramref name="attributeName"/> (by name, so the runner needs no reference to every extension).</summary>
    public static bool Has(this ParameterInfo parameter, string attributeName) =>
        parameter.GetCustomAttributesData().Any(a => a.AttributeType.Name == attributeName);
}
