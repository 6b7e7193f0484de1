using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PepFunctions.LocalRunner;

/// <summary>
/// What the Functions host refuses at start, refused by the runner at start too, so that an app the runner serves is
/// one the host would load: reserved routes, two HTTP functions on one route and method, an authorization level the
/// runner does not enforce, and a <c>host.json</c> key the runner does not apply.
/// </summary>
/// <remarks>
/// The rules and their messages come from the host's own source (Azure/azure-functions-host, <c>ScriptHost</c>'s HTTP
/// function validation); each is pinned by a test in <c>HostRulesTests</c> that names it.
/// </remarks>
internal static class HostRules
{
    /// <summary>The route prefixes the host keeps for its own APIs (<c>/admin/...</c>, <c>/runtime/...</c>).</summary>
    public static readonly IReadOnlyList<string> ReservedRoutePrefixes = ["admin", "runtime"];

    /// <summary>The HTTP methods a trigger without <c>methods</c> answers.</summary>
    public static readonly IReadOnlyList<string> AllMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    /// <summary>The <c>host.json</c> keys the runner applies (as paths, in any case); any other stops it at start.</summary>
    public static readonly IReadOnlySet<string> AppliedHostKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "version",
        "functionTimeout",
        "logging:logLevel:*",
        "extensions:http:routePrefix",
        "extensions:durableTask:hubName",
        "extensions:durableTask:storageProvider:connectionName",
        "extensions:durableTask:storageProvider:partitionCount",
        "extensions:durableTask:storageProvider:maxQueuePollingInterval",
        "extensions:durableTask:storageProvider:controlQueueVisibilityTimeout",
        "extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout",
        "extensions:durableTask:storageProvider:controlQueueBatchSize",
        "extensions:durableTask:extendedSessionsEnabled",
        "extensions:durableTask:maxConcurrentActivityFunctions",
        "extensions:durableTask:maxConcurrentOrchestratorFunctions",
        "extensions:durableTask:defaultVersion",
        "extensions:durableTask:versionMatchStrategy",
        "extensions:durableTask:versionFailureStrategy",
    };

    /// <summary>The route an HTTP function answers on, before the route prefix: its own, or its name when it has none (as the host does).</summary>
    public static string RouteOf(FunctionDefinition function) =>
        string.IsNullOrEmpty(function.Trigger.Route) ? function.Name : function.Trigger.Route;

    /// <summary>The methods an HTTP function answers, upper case.</summary>
    public static IReadOnlyList<string> MethodsOf(FunctionDefinition function) =>
        function.Trigger.Methods is { Length: > 0 } methods ? [.. methods.Select(m => m.ToUpperInvariant())] : AllMethods;

    /// <exception cref="InvalidOperationException">An HTTP function the host would refuse, named with the reason.</exception>
    public static void CheckHttpFunctions(IEnumerable<FunctionDefinition> functions)
    {
        var seen = new List<FunctionDefinition>();
        foreach (var function in functions.Where(f => string.Equals(f.Trigger.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            var route = RouteOf(function).Trim('/');
            // The host compares the start of the route text, not its first segment: "administrasi" is refused too.
            if (ReservedRoutePrefixes.Any(reserved => route.StartsWith(reserved, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException(
                    $"Function '{function.Name}': the route '{route}' conflicts with one or more built in routes " +
                    $"(the Functions host keeps routes beginning with {string.Join(" or ", ReservedRoutePrefixes.Select(p => $"'{p}'"))} for itself).");
            }

            if (function.Trigger.AuthLevel is { Length: > 0 } level && !string.Equals(level, "Anonymous", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Function '{function.Name}': authLevel '{level}' needs a function or host key, which the local runner does not check; " +
                    "use AuthorizationLevel.Anonymous (sign-in is the app's) or add key checks to the runner.");
            }

            if (seen.FirstOrDefault(other => string.Equals(RouteOf(other).Trim('/'), route, StringComparison.OrdinalIgnoreCase)
                && MethodsOf(other).Intersect(MethodsOf(function)).Any()) is { } clash)
            {
                throw new InvalidOperationException(
                    $"Function '{function.Name}': the route specified conflicts with the route defined by function '{clash.Name}' " +
                    $"('{route}', {string.Join(", ", MethodsOf(function).Intersect(MethodsOf(clash)))}).");
            }

            seen.Add(function);
        }
    }

    /// <summary>The app's <c>host.json</c> (comments and trailing commas allowed, as the host reads it), or null.</summary>
    public static JsonObject? ReadHostJson(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        return File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
            : null;
    }

    /// <exception cref="NotSupportedException">A key the runner does not apply, named with its path.</exception>
    public static void CheckHostJson(JsonObject? hostJson)
    {
        foreach (var path in LeafPaths(hostJson, ""))
        {
            if (!AppliedHostKeys.Contains(path) && !AppliedHostKeys.Contains(Wildcard(path)))
            {
                throw new NotSupportedException(
                    $"host.json: '{path}' is not applied by the local runner, so it would behave differently here than in Azure. " +
                    $"It applies {string.Join(", ", AppliedHostKeys)}; remove the key or teach the runner to apply it.");
            }
        }
    }

    /// <summary>host.json's <c>extensions.http.routePrefix</c>; <c>api</c> when it is not set, as in the host.</summary>
    public static string RoutePrefix(JsonObject? hostJson) =>
        Find(hostJson, "extensions:http:routePrefix")?.GetValue<string>().Trim('/') ?? "api";

    /// <summary>host.json's <c>functionTimeout</c>, or null when it is not set (the runner then sets no limit).</summary>
    /// <exception cref="InvalidOperationException">The value is not a time span.</exception>
    public static TimeSpan? FunctionTimeout(JsonObject? hostJson) =>
        Find(hostJson, "functionTimeout")?.GetValue<string>() is not { } text ? null
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero ? timeout
        : throw new InvalidOperationException($"host.json: functionTimeout '{text}' is not a positive time span such as 00:10:00.");

    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var part in path.Split(':'))
        {
            node = node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase)).Value : null;
        }

        return node;
    }

    private static IEnumerable<string> LeafPaths(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => LeafPaths(p.Value, path.Length == 0 ? p.Key : $"{path}:{p.Key}")),
        null when path.Length == 0 => [],
        _ => [path],
    };

    private static string Wildcard(string path) => path.Contains(':', StringComparison.Ordinal) ? path[..path.LastIndexOf(':')] + ":*" : path;
}
