using System.Text.Json.Nodes;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// The runner refuses, at start and naming the function, any function it could not host as the Functions host
/// would, so the two hosts cannot silently drift apart. Each test changes one entry of a copy of the real app's
/// <c>functions.metadata</c>; nothing is started, so no storage is needed.
/// </summary>
public sealed class FunctionMetadataReaderTests
{
    [Fact]
    public async Task StartAsync_FunctionWithQueueTriggerBinding_RefusesNamingTheFunction()
    {
        using var app = AppBuild.Copy();
        string? name = null;
        app.EditMetadata(metadata =>
        {
            var entry = FirstOfTrigger(metadata, "httpTrigger");
            name = entry["name"]!.GetValue<string>();
            entry["bindings"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "message",
                ["type"] = "queueTrigger",
                ["direction"] = "In",
                ["queueName"] = "work",
                ["connection"] = "AzureWebJobsStorage",
            });
        });

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => StartAsync(app));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'queueTrigger'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HttpFunctionWhoseMethodTakesAnActivityInput_RefusesNamingTheFunctionAndParameter()
    {
        // An HTTP function whose method is an activity's: its input parameter is nothing an HTTP trigger binds.
        using var app = AppBuild.Copy();
        string? name = null;
        app.EditMetadata(metadata =>
        {
            var entry = FirstOfTrigger(metadata, "httpTrigger");
            name = entry["name"]!.GetValue<string>();
            entry["entryPoint"] = FirstOfTrigger(metadata, "activityTrigger")["entryPoint"]!.GetValue<string>();
        });

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => StartAsync(app));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("cannot bind parameter", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_EntryPointThatIsNoFunctionMethod_RefusesNamingTheFunction()
    {
        using var app = AppBuild.Copy();
        string? name = null;
        app.EditMetadata(metadata =>
        {
            var entry = FirstOfTrigger(metadata, "timerTrigger");
            name = entry["name"]!.GetValue<string>();
            entry["entryPoint"] = entry["entryPoint"]!.GetValue<string>() + "Missing";
        });

        var refused = await Assert.ThrowsAsync<MissingMethodException>(() => StartAsync(app));

        Assert.Contains($"Function '{name}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutMetadata_SaysToBuildTheApp()
    {
        var empty = Directory.CreateTempSubdirectory("pep-runner-empty-");
        try
        {
            var missing = Assert.Throws<FileNotFoundException>(() => FunctionMetadataReader.Read(empty.FullName, AppLoader.Load));

            Assert.Contains("build the function app first", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Read_RealApp_ResolvesEveryEntryToItsFunctionMethod()
    {
        var functions = FunctionMetadataReader.Read(AppBuild.Directory, AppLoader.Load);

        var entries = AppBuild.ReadMetadata(AppBuild.Directory);
        Assert.Equal(entries.Count, functions.Count);
        Assert.All(functions, f =>
        {
            var entry = entries.Single(e => e!["name"]!.GetValue<string>() == f.Name)!;
            Assert.Equal(entry["entryPoint"]!.GetValue<string>(), $"{f.Method.DeclaringType!.FullName}.{f.Method.Name}");
            Assert.EndsWith("Trigger", f.Trigger.Type, StringComparison.Ordinal);
        });
    }

    private static JsonObject FirstOfTrigger(JsonArray metadata, string trigger) =>
        metadata.Select(e => e!.AsObject()).First(e => e["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == trigger));

    // Bounded: a runner that failed to refuse would go on to start the engine on storage that is not there.
    private static Task<FunctionHost> StartAsync(AppCopy app) =>
        FunctionHost.StartAsync(new FunctionHostOptions
        {
            AppDirectory = app.Directory,
            Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["TaskHubName"] = "refused" },
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
        }).WaitAsync(TimeSpan.FromMinutes(1));
}
