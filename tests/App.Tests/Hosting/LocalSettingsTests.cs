using Microsoft.AspNetCore.Builder;
using PepFunctions.App.Hosting;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Hosting;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pep-local-settings-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Read_Values_DoubleUnderscoreBecomesNestedSection()
    {
        var path = Write(_root.FullName, LocalSettings.FileName, """
            {
              "IsEncrypted": false,
              "Values": {
                "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                "Durable__Storage__TaskHubName": "PepHub",
                "Durable__Worker__MaxAttempts": 5,
                "Feature__On": true
              },
              "Host": { "LocalHttpPort": 7072 }
            }
            """);

        var settings = LocalSettings.Read(path);

        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.Equal("PepHub", settings["Durable:Storage:TaskHubName"]);
        Assert.Equal("5", settings["Durable:Worker:MaxAttempts"]);
        Assert.Equal("true", settings["Feature:On"]);
        Assert.Equal("7072", settings[LocalSettings.LocalHttpPortKey]);
    }

    [Theory]
    [InlineData("""{ "IsEncrypted": true, "Values": { "A": "b" } }""", "encrypted")]
    [InlineData("""{ "Values": { "A": { "nested": 1 } } }""", "Values.A")]
    [InlineData("""{ "Values": """, "not valid JSON")]
    public void Read_UnusableFile_ThrowsNamingTheProblem(string json, string expected)
    {
        var path = Write(_root.FullName, LocalSettings.FileName, json);

        var ex = Assert.Throws<InvalidDataException>(() => LocalSettings.Read(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ContentRootBelowSolutionWithSampleOnly_ReturnsTheSample()
    {
        Write(_root.FullName, "PepFunctions.sln", "");
        var sample = Write(_root.FullName, LocalSettings.SampleFileName, "{}");
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root.FullName, "src", "App"));

        Assert.Equal(sample, LocalSettings.Find(contentRoot.FullName));
    }

    [Fact]
    public void Find_BothFiles_PrefersLocalSettingsOverTheSample()
    {
        Write(_root.FullName, "PepFunctions.sln", "");
        Write(_root.FullName, LocalSettings.SampleFileName, "{}");
        var own = Write(_root.FullName, LocalSettings.FileName, "{}");

        Assert.Equal(own, LocalSettings.Find(Path.Combine(_root.FullName)));
    }

    [Fact]
    public void Find_NoSolutionAbove_ReturnsNull()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root.FullName, "site", "wwwroot"));

        Assert.Null(LocalSettings.Find(contentRoot.FullName));
    }

    [Fact]
    public void AddLocalSettings_EnvironmentAndCommandLine_OverrideTheFile()
    {
        // Unique keys: environment variables are process-wide and tests run in parallel.
        var fromEnv = "PepTest" + Guid.NewGuid().ToString("N");
        var fromArgs = "PepTest" + Guid.NewGuid().ToString("N");
        Write(_root.FullName, LocalSettings.FileName, $$"""
            { "Values": { "{{fromEnv}}__Key": "file", "{{fromArgs}}__Key": "file", "OnlyInFile__Key": "file" } }
            """);
        Environment.SetEnvironmentVariable($"{fromEnv}__Key", "environment");
        try
        {
            var builder = WebApplication.CreateBuilder(["--contentRoot", _root.FullName, $"--{fromArgs}:Key=command line"]);

            builder.AddLocalSettings();

            Assert.Equal("file", builder.Configuration["OnlyInFile:Key"]);
            Assert.Equal("environment", builder.Configuration[$"{fromEnv}:Key"]);
            Assert.Equal("command line", builder.Configuration[$"{fromArgs}:Key"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{fromEnv}__Key", null);
        }
    }

    [Fact]
    public void AddLocalSettings_ExplicitPath_ReadsThatFileInstead()
    {
        Write(_root.FullName, LocalSettings.FileName, """{ "Values": { "Which": "default" } }""");
        var other = Write(_root.FullName, "other.settings.json", """{ "Values": { "Which": "explicit" } }""");
        var builder = WebApplication.CreateBuilder(["--contentRoot", _root.FullName, $"--{LocalSettings.PathKey}={other}"]);

        builder.AddLocalSettings();

        Assert.Equal("explicit", builder.Configuration["Which"]);
    }

    [Fact]
    public void AddLocalSettings_ExplicitPathMissing_Throws()
    {
        var builder = WebApplication.CreateBuilder(["--contentRoot", _root.FullName, $"--{LocalSettings.PathKey}=missing.json"]);

        Assert.Throws<FileNotFoundException>(() => builder.AddLocalSettings());
    }

    [Fact]
    public void RepositorySample_ReadsAsDocumented()
    {
        var settings = LocalSettings.Read(Path.Combine(RepositoryFiles.Root, LocalSettings.SampleFileName));

        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.Equal("custom", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("PepHub", settings["Durable:Storage:TaskHubName"]);
        Assert.Equal("7071", settings[LocalSettings.LocalHttpPortKey]);
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
