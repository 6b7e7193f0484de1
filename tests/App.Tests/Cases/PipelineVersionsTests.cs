using System.Text.Json.Nodes;
using PepFunctions.App.Cases;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Cases;

/// <summary>host.json and the pipeline's versions agree: new instances start at a version this build runs.</summary>
public sealed class PipelineVersionsTests
{
    [Fact]
    public void HostJson_DefaultVersion_IsAVersionThisBuildRuns()
    {
        var durable = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")))!["extensions"]!["durableTask"]!;

        Assert.Contains(durable["defaultVersion"]!.GetValue<string>(), PipelineVersions.All.Select(v => v.Version));
        Assert.Equal("CurrentOrOlder", durable["versionMatchStrategy"]!.GetValue<string>());
        Assert.Equal("Reject", durable["versionFailureStrategy"]!.GetValue<string>());
    }

    [Fact]
    public void All_Versions_AreOldestFirstAndParseAsSystemVersions()
    {
        var versions = PipelineVersions.All.Select(v => Version.Parse(v.Version)).ToList();

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(PipelineVersions.V1, PipelineVersions.All[0].Version);
    }
}
