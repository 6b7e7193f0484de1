using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// What <c>dotnet publish</c> gives Azure: the metadata the Functions host indexes the app by, the worker's
/// configuration, the Durable extension the host loads, and host.json.
/// </summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    [Fact]
    public void FunctionsMetadata_EveryFunctionMethod_IsListedWithItsTriggerRouteMethodsAndSchedule()
    {
        var declared = DeclaredFunctions(Path.Combine(published.Directory, "PepFunctions.App.dll"));
        var listed = ReadJson("functions.metadata").AsArray().Select(e => e!.AsObject()).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), listed.Select(e => e["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(listed, entry =>
        {
            var function = declared[entry["name"]!.GetValue<string>()];
            Assert.Equal("PepFunctions.App.dll", entry["scriptFile"]!.GetValue<string>());
            Assert.Equal(function.EntryPoint, entry["entryPoint"]!.GetValue<string>());
            var trigger = Assert.Single(entry["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
            Assert.Equal(function.Trigger, trigger["type"]!.GetValue<string>());
            switch (function.Trigger)
            {
                case "httpTrigger":
                    Assert.Equal(function.Route, trigger["route"]?.GetValue<string>());
                    Assert.Equal(function.Methods, trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).Order(StringComparer.Ordinal));
                    Assert.NotEmpty(function.Methods);
                    break;
                case "timerTrigger":
                    Assert.Equal(function.Schedule, trigger["schedule"]!.GetValue<string>());
                    break;
            }
        });
        Assert.Contains(declared.Values, f => f.Trigger == "httpTrigger");
        Assert.Contains(declared.Values, f => f.Trigger == "timerTrigger");
        Assert.Contains(declared.Values, f => f.Trigger == "orchestrationTrigger");
        Assert.Contains(declared.Values, f => f.Trigger == "activityTrigger");
    }

    /// <summary>
    /// The Functions host refuses a function whose route starts with <c>admin</c> or <c>runtime</c> (its own APIs;
    /// Azure/azure-functions-host <c>ScriptHost.ValidateHttpFunction</c>), so none may be published.
    /// </summary>
    [Fact]
    public void FunctionsMetadata_HttpRoutes_NoneBeginsWithAdminOrRuntime()
    {
        var routes = ReadJson("functions.metadata").AsArray()
            .SelectMany(e => e!["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
                .Select(b => (b!["route"]?.GetValue<string>() ?? e["name"]!.GetValue<string>()).Trim('/')))
            .ToList();

        Assert.NotEmpty(routes);
        Assert.DoesNotContain(routes, r => r.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || r.StartsWith("runtime", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("kelola/notifikasi", routes);
    }

    [Fact]
    public void WorkerConfig_Language_IsDotnetIsolated()
    {
        var description = ReadJson("worker.config.json")["description"]!;

        Assert.Equal("dotnet-isolated", description["language"]!.GetValue<string>());
        Assert.Equal("PepFunctions.App.dll", description["defaultWorkerPath"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Microsoft.Azure.WebJobs.Extensions.DurableTask.dll")]
    [InlineData("DurableTask.Core.dll")]
    [InlineData("DurableTask.AzureStorage.dll")]
    public void ExtensionsFolder_HoldsTheDurableExtensionAndItsEngine(string file) =>
        Assert.True(File.Exists(Path.Combine(published.Directory, ".azurefunctions", file)), $".azurefunctions/{file} is not in the published app.");

    [Fact]
    public void ExtensionsJson_LoadsTheDurableExtensionFromTheExtensionsFolder()
    {
        var extensions = ReadJson("extensions.json")["extensions"]!.AsArray();

        var durable = Assert.Single(extensions, e => e!["name"]!.GetValue<string>() == "DurableTask")!;
        Assert.Equal("./.azurefunctions/Microsoft.Azure.WebJobs.Extensions.DurableTask.dll", durable["hintPath"]!.GetValue<string>());
    }

    [Fact]
    public void HostJson_NamesTheHubFromASettingAndServesRoutesWithoutAPrefix()
    {
        var host = ReadJson("host.json");

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("%TaskHubName%", host["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>());
        Assert.Equal("", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void Output_HasNoLocalSettings() =>
        Assert.Empty(System.IO.Directory.EnumerateFiles(published.Directory, "local.settings*.json"));

    private JsonNode ReadJson(string relativePath)
    {
        var path = Path.Combine(published.Directory, relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is not in the published app.");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    /// <summary>
    /// The app's <c>[Function]</c> methods as its source declares them, read by reflection from the published assembly
    /// (in a context of its own, so the build output other tests host is not the one read).
    /// </summary>
    private static Dictionary<string, DeclaredFunction> DeclaredFunctions(string assemblyPath)
    {
        var context = new PublishedContext(assemblyPath);
        try
        {
            var functions = new Dictionary<string, DeclaredFunction>(StringComparer.Ordinal);
            foreach (var method in context.LoadFromAssemblyPath(assemblyPath).GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            {
                if (method.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "FunctionAttribute") is not { } function)
                {
                    continue;
                }

                var name = (string)function.ConstructorArguments[0].Value!;
                var trigger = method.GetParameters().SelectMany(p => p.GetCustomAttributesData()).Single(a => a.AttributeType.Name.EndsWith("TriggerAttribute", StringComparison.Ordinal));
                var type = char.ToLowerInvariant(trigger.AttributeType.Name[0]) + trigger.AttributeType.Name[1..^"Attribute".Length];
                functions.Add(name, new DeclaredFunction(
                    type,
                    $"{method.DeclaringType!.FullName}.{method.Name}",
                    Named(trigger, "Route"),
                    [.. trigger.ConstructorArguments.Where(a => a.ArgumentType == typeof(string[]) || a.ArgumentType.Name == "String[]")
                        .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.Value!).Select(m => ((string)m.Value!).ToUpperInvariant()).Order(StringComparer.Ordinal)],
                    type == "timerTrigger" ? (string)trigger.ConstructorArguments[0].Value! : null));
            }

            return functions;
        }
        finally
        {
            context.Unload();
        }
    }

    private static string? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (string?)a.TypedValue.Value).FirstOrDefault();

    private sealed record DeclaredFunction(string Trigger, string EntryPoint, string? Route, string[] Methods, string? Schedule);

    private sealed class PublishedContext(string assemblyPath) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
