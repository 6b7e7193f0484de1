using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PepFunctions.LocalRunner;

/// <summary>One function as the Functions SDK describes it in <c>functions.metadata</c>, resolved to its method.</summary>
public sealed record FunctionDefinition(string Name, MethodInfo Method, IReadOnlyList<BindingMetadata> Bindings)
{
    /// <summary>The function's trigger binding.</summary>
    public BindingMetadata Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A binding in <c>functions.metadata</c>: its name, type and direction, plus the trigger's own properties.</summary>
public sealed record BindingMetadata
{
    /// <summary>The parameter the binding binds (<c>$return</c> for the HTTP response).</summary>
    public string Name { get; init; } = "";

    /// <summary>The binding type, e.g. <c>httpTrigger</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary><c>In</c> or <c>Out</c>.</summary>
    public string Direction { get; init; } = "";

    /// <summary>HTTP trigger: the route template.</summary>
    public string? Route { get; init; }

    /// <summary>HTTP trigger: the authorization level (<c>Anonymous</c>, <c>Function</c>, <c>Admin</c>).</summary>
    public string? AuthLevel { get; init; }

    /// <summary>HTTP trigger: the methods (all when empty).</summary>
    public string[]? Methods { get; init; }

    /// <summary>Timer trigger: the NCRONTAB schedule, possibly a <c>%setting%</c>.</summary>
    public string? Schedule { get; init; }

    /// <summary>Timer trigger: also fire once when the host starts.</summary>
    public bool RunOnStartup { get; init; }
}

/// <summary>Reads <c>functions.metadata</c> and checks that the runner hosts every binding in it.</summary>
internal static class FunctionMetadataReader
{
    public const string FileName = "functions.metadata";

    /// <summary>The binding types the runner hosts; any other stops it at start, naming the function.</summary>
    public static readonly IReadOnlySet<string> SupportedBindings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "httpTrigger", "http", "timerTrigger", "orchestrationTrigger", "activityTrigger", "durableClient",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    /// <exception cref="NotSupportedException">A function uses a binding the runner does not host.</exception>
    public static IReadOnlyList<FunctionDefinition> Read(string appDirectory, Func<string, Assembly> loadAssembly)
    {
        var path = Path.Combine(appDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist: build the function app first (the Functions SDK writes it).", path);
        }

        var entries = JsonSerializer.Deserialize<List<MetadataEntry>>(File.ReadAllText(path), Json) ?? [];
        return [.. entries.Select(entry => Resolve(entry, appDirectory, loadAssembly))];
    }

    private static FunctionDefinition Resolve(MetadataEntry entry, string appDirectory, Func<string, Assembly> loadAssembly)
    {
        foreach (var binding in entry.Bindings)
        {
            if (!SupportedBindings.Contains(binding.Type))
            {
                throw new NotSupportedException(
                    $"Function '{entry.Name}' uses a '{binding.Type}' binding ('{binding.Name}'), which the local runner does not host. " +
                    $"It hosts {string.Join(", ", SupportedBindings)}; add support to the runner or use one of these.");
            }
        }

        var assembly = loadAssembly(Path.Combine(appDirectory, entry.ScriptFile));
        var split = entry.EntryPoint.LastIndexOf('.');
        var type = assembly.GetType(entry.EntryPoint[..split], throwOnError: true)!;
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == entry.EntryPoint[(split + 1)..] && m.GetCustomAttributesData().Any(a => a.AttributeType.Name == "FunctionAttribute"))
            ?? throw new MissingMethodException($"Function '{entry.Name}': {entry.EntryPoint} is not a public [Function] method.");
        return new FunctionDefinition(entry.Name, method, entry.Bindings);
    }

    private sealed record MetadataEntry(string Name, string ScriptFile, string EntryPoint, List<BindingMetadata> Bindings);
}
