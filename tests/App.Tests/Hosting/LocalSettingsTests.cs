using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.LocalRunner;

namespace PepFunctions.App.Tests.Hosting;

/// <summary>The local runner reads <c>local.settings.json</c> as <c>func start</c> does; the repository's sample must run the app.</summary>
public sealed class LocalSettingsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pep-local-settings-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Read_Values_DoubleUnderscoreBecomesNestedSection()
    {
        var path = Write(LocalSettings.FileName, """
            {
              "IsEncrypted": false,
              "Values": {
                "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                "Pipeline__FollowUpInterval": "00:02:00",
                "Pipeline__FollowUpCount": 3,
                "Feature__On": true,
                "Nothing": null
              },
              "Host": { "LocalHttpPort": 7072 }
            }
            """);

        var settings = LocalSettings.Read(path);

        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.Equal("00:02:00", settings["Pipeline:FollowUpInterval"]);
        Assert.Equal("3", settings["Pipeline:FollowUpCount"]);
        Assert.Equal("true", settings["Feature:On"]);
        Assert.Null(settings["Nothing"]);
        Assert.Equal("7072", settings[LocalSettings.LocalHttpPortKey]);
    }

    [Theory]
    [InlineData("""{ "IsEncrypted": true, "Values": { "A": "b" } }""", "encrypted")]
    [InlineData("""{ "Values": { "A": { "nested": 1 } } }""", "Values.A")]
    [InlineData("""{ "Values": """, "not valid JSON")]
    [InlineData("""[ "Values" ]""", "JSON object")]
    public void Read_UnusableFile_ThrowsNamingTheProblem(string json, string expected)
    {
        var path = Write(LocalSettings.FileName, json);

        var ex = Assert.Throws<InvalidDataException>(() => LocalSettings.Read(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SampleOnly_ReturnsTheSample()
    {
        var sample = Write(LocalSettings.SampleFileName, "{}");

        Assert.Equal(sample, LocalSettings.Find(_root.FullName));
    }

    [Fact]
    public void Find_BothFiles_PrefersLocalSettingsOverTheSample()
    {
        Write(LocalSettings.SampleFileName, "{}");
        var own = Write(LocalSettings.FileName, "{}");

        Assert.Equal(own, LocalSettings.Find(_root.FullName));
    }

    [Fact]
    public void Find_NeitherFile_ReturnsNull()
    {
        Assert.Null(LocalSettings.Find(_root.FullName));
    }

    [Fact]
    public void RepositorySample_ReadsAsDocumented()
    {
        var settings = LocalSettings.Read(Path.Combine(RepositoryFiles.Root, LocalSettings.SampleFileName));

        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("PepHub", settings["TaskHubName"]);
        Assert.Equal("7071", settings[LocalSettings.LocalHttpPortKey]);
    }

    [Fact]
    public void RepositorySample_SetsEveryTimersSchedule()
    {
        var settings = LocalSettings.Read(Path.Combine(RepositoryFiles.Root, LocalSettings.SampleFileName));
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.AppOutput, "functions.metadata")));

        var schedules = metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "timerTrigger")
            .Select(binding => binding.GetProperty("schedule").GetString()!)
            .Where(schedule => schedule.StartsWith('%'))
            .ToList();

        Assert.NotEmpty(schedules);
        Assert.All(schedules, schedule => Assert.True(
            settings.TryGetValue(schedule.Trim('%').Replace("__", ":", StringComparison.Ordinal), out var value) && !string.IsNullOrEmpty(value),
            $"local.settings.sample.json should set {schedule}."));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
