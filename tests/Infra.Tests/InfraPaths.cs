using System.Reflection;

namespace PepFunctions.Infra.Tests;

/// <summary>Where the Bicep compiler and the infra/ folder are, as the project file recorded them at build time.</summary>
internal static class InfraPaths
{
    /// <summary>The <c>bicep</c> binary inside the restored Azure.Bicep.CommandLine.linux-x64 package.</summary>
    public static string BicepExecutable { get; } = Metadata("BicepPath");

    /// <summary>The repository's infra/ folder (main.bicep, main.bicepparam, bicepconfig.json, modules/).</summary>
    public static string InfraDirectory { get; } = Metadata("InfraDirectory");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDirectory, "main.bicepparam");

    private static string Metadata(string key) =>
        typeof(InfraPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException(
            $"Assembly metadata '{key}' is missing; PepFunctions.Infra.Tests.csproj sets it.");
}
