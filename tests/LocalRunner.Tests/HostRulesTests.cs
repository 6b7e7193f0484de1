using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// The runner refuses at start what the Functions host refuses at start, naming the function, and applies the
/// host.json keys it reads. Expected answers from the host's source (Azure/azure-functions-host):
/// <c>ScriptHost.ValidateHttpFunction</c> throws "The specified route conflicts with one or more built in routes." for a
/// route that starts (as text, after trimming '/') with <c>admin</c> or <c>runtime</c>, and "The route specified
/// conflicts with the route defined by function '…'" for a second function on a route and method already taken;
/// <c>extensions.http.routePrefix</c> defaults to <c>api</c> (<c>HttpOptions.RoutePrefix</c>).
/// </summary>
public sealed class HostRulesTests
{
    [Theory]
    [InlineData("admin/notifikasi")]
    [InlineData("/Admin/x")]
    [InlineData("administrasi")]
    [InlineData("runtime/webhooks/x")]
    public async Task StartAsync_ReservedRoute_RefusesNamingTheFunction(string route)
    {
        using var app = AppBuild.Copy();
        var name = EditFirstHttpFunction(app, entry => Trigger(entry)["route"] = route);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("conflicts with one or more built in routes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TwoFunctionsOnOneRouteAndMethod_RefusesNamingBoth()
    {
        using var app = AppBuild.Copy();
        string? first = null, second = null;
        app.EditMetadata(metadata =>
        {
            var http = metadata.Select(e => e!.AsObject()).Where(e => Trigger(e)["type"]!.GetValue<string>() == "httpTrigger").Take(2).ToList();
            first = http[0]["name"]!.GetValue<string>();
            second = http[1]["name"]!.GetValue<string>();
            Trigger(http[0])["route"] = "api/same";
            Trigger(http[0])["methods"] = new JsonArray("get");
            Trigger(http[1])["route"] = "/API/same/";
            Trigger(http[1])["methods"] = new JsonArray("post", "GET");
        });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app));

        Assert.Contains($"Function '{second}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"conflicts with the route defined by function '{first}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckHttpFunctions_OneRouteWithDifferentMethods_IsAccepted()
    {
        var functions = FunctionMetadataReader.Read(AppBuild.Directory, AppLoader.Load);

        // The real app has such pairs (GET and DELETE on /api/instances/{instanceId}); the host accepts them.
        HostRules.CheckHttpFunctions(functions);
        Assert.Contains(functions, f => f.Name == "GetInstance");
        Assert.Contains(functions, f => f.Name == "PurgeInstance");
    }

    [Theory]
    [InlineData("Function")]
    [InlineData("Admin")]
    public async Task StartAsync_KeyedAuthLevel_RefusesNamingTheFunction(string level)
    {
        using var app = AppBuild.Copy();
        var name = EditFirstHttpFunction(app, entry => Trigger(entry)["authLevel"] = level);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"authLevel '{level}'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extensions:http:maxConcurrentRequests", "100")]
    [InlineData("extensions:durableTask:storageProvider:maxQueuePollingIntervalX", "\"00:00:01\"")]
    [InlineData("healthMonitor:enabled", "false")]
    public async Task StartAsync_HostJsonKeyTheRunnerDoesNotApply_RefusesNamingTheKey(string path, string value)
    {
        using var app = AppBuild.Copy();
        var file = Path.Combine(app.Directory, "host.json");
        var host = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        JsonObject node = host;
        var parts = path.Split(':');
        foreach (var part in parts[..^1])
        {
            node = (node[part] ??= new JsonObject()).AsObject();
        }

        node[parts[^1]] = JsonNode.Parse(value);
        File.WriteAllText(file, host.ToJsonString());

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => StartAsync(app));

        Assert.Contains($"'{path}' is not applied by the local runner", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckHostJson_RealAppHostJson_IsAccepted()
    {
        var hostJson = HostRules.ReadHostJson(AppBuild.Directory);

        HostRules.CheckHostJson(hostJson);
        Assert.Equal("", HostRules.RoutePrefix(hostJson));
        Assert.Equal(TimeSpan.FromMinutes(10), HostRules.FunctionTimeout(hostJson));
    }

    [Fact]
    public void RoutePrefix_NotSet_IsApiAsInTheHost() =>
        Assert.Equal("api", HostRules.RoutePrefix(new JsonObject { ["version"] = "2.0" }));

    [Fact]
    public async Task Map_RoutePrefix_ServesTheFunctionUnderIt()
    {
        await using var web = await StartWebAsync(new HttpTriggers.Options("v1", null), nameof(Probe.Echo));
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };

        using var prefixed = await http.GetAsync("/v1/probe");
        using var bare = await http.GetAsync("/probe");

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
    }

    [Fact]
    public async Task Map_FunctionTimeout_CancelsTheInvocationsToken()
    {
        await using var web = await StartWebAsync(new HttpTriggers.Options("", TimeSpan.FromMilliseconds(200)), nameof(Probe.WaitForCancellation));
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };

        using var response = await http.GetAsync("/probe");

        Assert.Equal("cancelled", await response.Content.ReadAsStringAsync());
    }

    private static async Task<WebApplication> StartWebAsync(HttpTriggers.Options options, string method)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        web.UseRouting();
        var function = new FunctionDefinition("Probe", typeof(Probe).GetMethod(method)!,
            [new BindingMetadata { Name = "request", Type = "httpTrigger", Direction = "In", Route = "probe", Methods = ["get"] }]);
        HttpTriggers.Map(web, function, options, new ServiceCollection().AddLogging().BuildServiceProvider(), null!);
        await web.StartAsync();
        return web;
    }

    private static string EditFirstHttpFunction(AppCopy app, Action<JsonObject> edit)
    {
        string? name = null;
        app.EditMetadata(metadata =>
        {
            var entry = metadata.Select(e => e!.AsObject()).First(e => Trigger(e)["type"]!.GetValue<string>() == "httpTrigger");
            name = entry["name"]!.GetValue<string>();
            edit(entry);
        });
        return name!;
    }

    private static JsonObject Trigger(JsonObject entry) =>
        entry["bindings"]!.AsArray().Select(b => b!.AsObject()).First(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    // Bounded: a runner that failed to refuse would go on to start the engine on storage that is not there.
    private static Task<FunctionHost> StartAsync(AppCopy app) =>
        FunctionHost.StartAsync(new FunctionHostOptions
        {
            AppDirectory = app.Directory,
            Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["TaskHubName"] = "refused" },
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
        }).WaitAsync(TimeSpan.FromMinutes(1));

    /// <summary>HTTP functions for the mapping tests.</summary>
    public static class Probe
    {
        public static IResult Echo(HttpRequest request) => Results.Text(request.Path);

        public static async Task<IResult> WaitForCancellation(HttpRequest request)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(20), request.HttpContext.RequestAborted);
                return Results.Text("not cancelled");
            }
            catch (OperationCanceledException)
            {
                return Results.Text("cancelled");
            }
        }
    }
}
