using System.Text.Json.Nodes;

namespace PepFunctions.Infra.Tests;

/// <summary>
/// A compiled ARM template (as <c>bicep build</c> writes it) and the templates of its modules, which
/// Bicep inlines as <c>Microsoft.Resources/deployments</c> resources.
/// </summary>
/// <remarks>
/// Values the template computes at deployment time stay ARM expressions here (<c>"[parameters('x')]"</c>);
/// the tests assert on literals where the template has them and on the expressions that wire parameters
/// through otherwise.
/// </remarks>
internal sealed class ArmTemplate(JsonObject root, string name)
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    /// <summary>Which template this is: "main" or the module's symbolic name.</summary>
    public string Name { get; } = name;

    public JsonObject Root { get; } = root;

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("The template is not a JSON object."), "main");

    /// <summary>The resources by symbolic name (language version 2.0 keeps them in an object).</summary>
    public IReadOnlyDictionary<string, JsonObject> Resources =>
        Root["resources"] switch
        {
            JsonObject symbolic => symbolic.ToDictionary(pair => pair.Key, pair => pair.Value!.AsObject()),
            JsonArray list => list.Select((resource, index) => (resource!.AsObject(), index))
                .ToDictionary(pair => $"{pair.index}", pair => pair.Item1),
            _ => new Dictionary<string, JsonObject>(),
        };

    public JsonObject Resource(string symbolicName) =>
        Resources.TryGetValue(symbolicName, out var resource)
            ? resource
            : throw new KeyNotFoundException($"Template '{Name}' has no resource '{symbolicName}'.");

    /// <summary>The single resource of <paramref name="type"/> in this template (not its modules).</summary>
    public JsonObject ResourceOfType(string type) =>
        Resources.Values.Single(resource => (string?)resource["type"] == type);

    /// <summary>The template of the module deployed under <paramref name="symbolicName"/>.</summary>
    public ArmTemplate Module(string symbolicName) =>
        new(Resource(symbolicName).At("properties", "template").AsObject(), symbolicName);

    /// <summary>The value <c>main</c> passes to a module parameter (usually an expression).</summary>
    public string ModuleArgument(string moduleSymbolicName, string parameter) =>
        Resource(moduleSymbolicName).At("properties", "parameters", parameter, "value").ToString();

    /// <summary>This template and every module template below it.</summary>
    public IEnumerable<ArmTemplate> AllTemplates()
    {
        yield return this;
        foreach (var (symbol, resource) in Resources)
        {
            if ((string?)resource["type"] == DeploymentType)
            {
                foreach (var nested in Module(symbol).AllTemplates())
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Every resource of <paramref name="type"/> in this template and its modules.</summary>
    public IReadOnlyList<JsonObject> AllResourcesOfType(string type) =>
        AllTemplates().SelectMany(template => template.Resources.Values)
            .Where(resource => (string?)resource["type"] == type)
            .ToList();

    public JsonNode Variable(string variable) =>
        Root["variables"]?[variable] ?? throw new KeyNotFoundException($"Template '{Name}' has no variable '{variable}'.");

    public JsonObject Parameter(string parameter) =>
        Root["parameters"]?[parameter]?.AsObject()
        ?? throw new KeyNotFoundException($"Template '{Name}' has no parameter '{parameter}'.");

    /// <summary>The parameter's default value as text, e.g. <c>14.00:00:00</c>, <c>587</c> or <c>true</c>.</summary>
    public string DefaultOf(string parameter) =>
        Parameter(parameter)["defaultValue"]?.ToString()
        ?? throw new InvalidOperationException($"Parameter '{parameter}' of '{Name}' has no default.");

    public JsonObject Outputs => Root["outputs"]?.AsObject() ?? [];
}

internal static class JsonNodePaths
{
    /// <summary>Walks object properties by name, failing with the path when one is missing.</summary>
    public static JsonNode At(this JsonNode node, params string[] path)
    {
        var current = node;
        foreach (var segment in path)
        {
            current = current[segment]
                ?? throw new KeyNotFoundException($"No '{segment}' on the way to {string.Join('.', path)} in {node.GetPath()}.");
        }

        return current;
    }

    /// <summary>The string at <paramref name="path"/>.</summary>
    public static string Text(this JsonNode node, params string[] path) => node.At(path).GetValue<string>();
}
