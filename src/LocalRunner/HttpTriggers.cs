using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace PepFunctions.LocalRunner;

/// <summary>
/// Serves each <c>httpTrigger</c> function on its route and methods, as the Functions host with ASP.NET Core
/// integration does: the function gets the request's <see cref="HttpRequest"/> (its services a scope of the app's
/// container), route values by parameter name, and its <see cref="IActionResult"/> is executed on the response.
/// </summary>
internal static class HttpTriggers
{
    public static void Check(FunctionDefinition function) =>
        FunctionInvoker.CheckBindable(function, p =>
            p.ParameterType == typeof(HttpRequest) || p.ParameterType == typeof(CancellationToken)
            || p.ParameterType == typeof(DurableTaskClient) || IsRouteValue(p));

    /// <summary>What host.json says of every HTTP function: <c>extensions.http.routePrefix</c> and <c>functionTimeout</c>.</summary>
    public sealed record Options(string RoutePrefix, TimeSpan? FunctionTimeout);

    public static void Map(IEndpointRouteBuilder endpoints, FunctionDefinition function, Options options, IServiceProvider appServices, DurableTaskClient client)
    {
        var route = HostRules.RouteOf(function).Trim('/');
        var pattern = "/" + (options.RoutePrefix.Length == 0 ? route : $"{options.RoutePrefix}/{route}");
        endpoints.MapMethods(pattern, HostRules.MethodsOf(function), http => InvokeAsync(http, function, options, appServices, client)).WithDisplayName(function.Name);
    }

    private static async Task InvokeAsync(HttpContext http, FunctionDefinition function, Options options, IServiceProvider appServices, DurableTaskClient client)
    {
        await using var scope = appServices.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        // functionTimeout: the invocation's cancellation token is cancelled when the time is up, as the host cancels it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (options.FunctionTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
            http.RequestAborted = timeout.Token;
        }

        var result = await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, (ParameterInfo p, out object? value) =>
        {
            value = p.ParameterType == typeof(HttpRequest) ? http.Request
                : p.ParameterType == typeof(CancellationToken) ? http.RequestAborted
                : p.ParameterType == typeof(DurableTaskClient) ? client
                : RouteValue(http, p);
            return true;
        });
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(http);
                break;
            case null:
                break;
            default:
                await http.Response.WriteAsJsonAsync(result, result.GetType());
                break;
        }
    }

    private static bool IsRouteValue(ParameterInfo p) =>
        p.GetCustomAttributesData().Count == 0
        && (p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null || p.ParameterType.IsPrimitive || p.ParameterType == typeof(Guid));

    private static object? RouteValue(HttpContext http, ParameterInfo p)
    {
        var raw = http.GetRouteValue(p.Name!)?.ToString();
        if (raw is null)
        {
            return p.HasDefaultValue ? p.DefaultValue : null;
        }

        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return type == typeof(string) ? raw
            : type == typeof(Guid) ? Guid.Parse(raw)
            : Convert.ChangeType(raw, type, CultureInfo.InvariantCulture);
    }
}
