using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PepFunctions.App.Http;

/// <summary>
/// <c>GET /openapi/v1.json</c>: an OpenAPI 3.0 document of the JSON API, built once by reflection over this assembly's
/// HTTP functions whose route starts with <c>api/</c>.
/// </summary>
/// <remarks>
/// Each function gives a path (its route template, constraints stripped: <c>{seq:int}</c> is <c>{seq}</c>), its methods,
/// its path parameters, the <c>&lt;summary&gt;</c> of its method from the XML documentation file built beside the
/// assembly (<c>PepFunctions.App.xml</c>, when present) and a tag from its feature folder. Bodies, query parameters and
/// response shapes are not described: the document is a map of the API, the <c>.http</c> file shows it in use.
/// </remarks>
public sealed partial class OpenApiFunctions
{
    private static readonly Lazy<string> Document = new(() => Build(typeof(OpenApiFunctions).Assembly)
        .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>The OpenAPI document of the JSON API.</summary>
    [Function("GetOpenApiDocument")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request) =>
        Answer(request).ToActionResult();

    private static IResult Answer(HttpRequest request)
    {
        Hosting.SecurityHeaders.ForApi(request.HttpContext);
        return TypedResults.Text(Document.Value, "application/json");
    }

    /// <summary>Builds the document for the HTTP functions of <paramref name="assembly"/>.</summary>
    internal static JsonObject Build(Assembly assembly)
    {
        var summaries = ReadSummaries(assembly);
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (method, function, trigger) in HttpFunctions(assembly))
        {
            var path = "/" + RouteParameter().Replace(trigger.Route!, "{$1}");
            var item = paths.TryGetValue(path, out var existing) ? existing : paths[path] = [];
            foreach (var verb in trigger.Methods ?? ["get"])
            {
                item[verb.ToLowerInvariant()] = Operation(method, function.Name, path, summaries);
            }
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = new JsonObject { ["title"] = "PEP Functions", ["version"] = "v1" },
            ["paths"] = new JsonObject(),
        };
        foreach (var (path, item) in paths)
        {
            document["paths"]![path] = item;
        }

        return document;
    }

    private static IEnumerable<(MethodInfo Method, FunctionAttribute Function, HttpTriggerAttribute Trigger)> HttpFunctions(Assembly assembly) =>
        from type in assembly.GetExportedTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where function is not null && trigger?.Route is { } route && route.StartsWith("api/", StringComparison.Ordinal)
        orderby function.Name
        select (method, function, trigger);

    private static JsonObject Operation(MethodInfo method, string name, string path, IReadOnlyDictionary<string, string> summaries)
    {
        var operation = new JsonObject
        {
            ["operationId"] = name,
            ["tags"] = new JsonArray(method.DeclaringType!.Namespace!.Split('.')[^1]),
        };
        if (summaries.TryGetValue($"M:{method.DeclaringType.FullName!.Replace('+', '.')}.{method.Name}", out var summary))
        {
            operation["summary"] = summary;
        }

        var parameters = new JsonArray();
        foreach (Match parameter in PathParameter().Matches(path))
        {
            var parameterName = parameter.Groups[1].Value;
            var type = method.GetParameters().FirstOrDefault(p => p.Name == parameterName)?.ParameterType;
            parameters.Add(new JsonObject
            {
                ["name"] = parameterName,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = type == typeof(int) || type == typeof(long)
                    ? new JsonObject { ["type"] = "integer" }
                    : new JsonObject { ["type"] = "string" },
            });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "Success (201, 202 or 204 where the operation creates, starts or deletes)." },
            ["default"] = new JsonObject { ["description"] = "An error, as ProblemDetails (RFC 9457): 400 names the fields." },
        };
        return operation;
    }

    /// <summary>The <c>&lt;summary&gt;</c> of each documented method, keyed by its documentation id up to the parameter list.</summary>
    private static Dictionary<string, string> ReadSummaries(Assembly assembly)
    {
        // Beside the assembly: a host may load the app from another directory than its own base directory.
        var file = assembly.Location is { Length: > 0 } location
            ? Path.ChangeExtension(location, ".xml")
            : Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return summaries;
        }

        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            var id = (string?)member.Attribute("name");
            if (id is null || !id.StartsWith("M:", StringComparison.Ordinal) || member.Element("summary") is not { } summary)
            {
                continue;
            }

            var text = string.Concat(summary.Nodes().Select(node => node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "see" or "paramref" or "typeparamref" } reference =>
                    ((string?)reference.Attribute("cref") ?? (string?)reference.Attribute("name") ?? "").Split('.', ':')[^1],
                XElement element => element.Value,
                _ => "",
            }));
            summaries.TryAdd(id.Split('(')[0], Whitespace().Replace(text, " ").Trim());
        }

        return summaries;
    }

    // A route parameter with its constraint, default, optional or catch-all marks: {seq:int}, {name?}, {*path}.
    [GeneratedRegex(@"\{\**([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
