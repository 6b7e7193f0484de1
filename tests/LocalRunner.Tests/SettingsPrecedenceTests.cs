using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// The app's settings rank as under <c>func start</c>: the process's environment over <c>local.settings.json</c>
/// (Azure/azure-functions-core-tools, <c>StartHostAction</c>: "Skipping '…' from local settings as it's already defined in
/// current environment variables"), and the runner's <c>--set</c> over both. Each test uses setting names of its own,
/// since the environment is the whole test process's.
/// </summary>
public sealed class SettingsPrecedenceTests : IDisposable
{
    private readonly string _section = "Probe" + Guid.NewGuid().ToString("N")[..8];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pep-runner-precedence-");

    public void Dispose()
    {
        foreach (var name in new[] { "FileOnly", "FileAndEnvironment", "Everywhere" })
        {
            Environment.SetEnvironmentVariable($"{_section}__{name}", null);
        }

        _folder.Delete(recursive: true);
    }

    [Fact]
    public void AppConfiguration_FileEnvironmentAndSet_EnvironmentOverFileAndSetOverBoth()
    {
        var file = Path.Combine(_folder.FullName, LocalSettings.FileName);
        File.WriteAllText(file, $$"""
            { "Values": {
                "{{_section}}__FileOnly": "file",
                "{{_section}}__FileAndEnvironment": "file",
                "{{_section}}__Everywhere": "file" } }
            """);
        Environment.SetEnvironmentVariable($"{_section}__FileAndEnvironment", "environment");
        Environment.SetEnvironmentVariable($"{_section}__Everywhere", "environment");
        var options = new FunctionHostOptions
        {
            AppDirectory = AppBuild.Directory,
            SettingsFile = file,
            Settings = new Dictionary<string, string?> { [$"{_section}__Everywhere"] = "set" },
        };

        var configuration = AppConfiguration(options);

        Assert.Equal("file", configuration[$"{_section}:FileOnly"]);
        Assert.Equal("environment", configuration[$"{_section}:FileAndEnvironment"]);
        Assert.Equal("set", configuration[$"{_section}:Everywhere"]);
    }

    [Fact]
    public void AppConfiguration_SampleSettings_EnvironmentWinsForTheStorageAndHubSettingsToo()
    {
        // The names the issue measured, by the same rule: a file value is dropped when the environment has the name.
        var sample = Path.Combine(AppBuild.RepositoryRoot, LocalSettings.SampleFileName);
        var settings = LocalSettings.Read(sample);

        Assert.Contains("AzureWebJobsStorage", settings.Keys);
        Assert.Contains("TaskHubName", settings.Keys);
        Assert.Contains(settings.Keys, k => k.StartsWith("Pipeline:", StringComparison.Ordinal));
        var dropped = FunctionHost.ReadSettings(new FunctionHostOptions { AppDirectory = AppBuild.Directory, SettingsFile = sample });
        Assert.Equal(settings.Keys.Where(k => Environment.GetEnvironmentVariable(k.Replace(":", "__", StringComparison.Ordinal)) is null)
            .Order(StringComparer.Ordinal), dropped.Keys.Where(k => k != "AZURE_FUNCTIONS_ENVIRONMENT").Order(StringComparer.Ordinal));
    }

    private static IConfiguration AppConfiguration(FunctionHostOptions options)
    {
        var settings = FunctionHost.ReadSettings(options);
        var assembly = FunctionMetadataReader.Read(AppBuild.Directory, AppLoader.Load)[0].Method.DeclaringType!.Assembly;
        var host = AppLoader.BuildHost(assembly, FunctionHost.AppArguments(AppBuild.Directory, settings));
        FunctionHost.RankAboveEnvironment(host, options.Settings);
        return host.Services.GetRequiredService<IConfiguration>();
    }
}
