using Microsoft.DurableTask;
using PepFunctions.App.Cases.V1;
using PepFunctions.App.Cases.V2;

namespace PepFunctions.App.Cases;

/// <summary>One released version of <see cref="CasePipeline"/>: what an instance started at <see cref="Version"/> does.</summary>
/// <remarks>An implementation is frozen once released (see the README, "Changing the pipeline safely").</remarks>
internal interface IPipelineVersion
{
    /// <summary>The orchestration version, as host.json's <c>defaultVersion</c> names it (<c>major.minor</c>).</summary>
    string Version { get; }

    /// <summary>Runs (or replays) one instance of this version.</summary>
    Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseStart start);
}

/// <summary>The versions of the case pipeline this build runs, and which one an instance gets.</summary>
/// <remarks>
/// Versions are written <c>major.minor</c> (<c>1.0</c>, <c>2.0</c>) because the Durable Task comparison
/// (<c>VersioningSettings.CompareVersions</c>, <see cref="TaskOrchestrationContext.CompareVersionTo"/>) orders them as
/// <see cref="System.Version"/>s only when both parse as one; a bare <c>1</c> does not, and would be compared as text
/// (<c>10</c> before <c>2</c>). host.json's <c>defaultVersion</c> must be one of <see cref="All"/>: a test holds them together.
/// </remarks>
internal static class PipelineVersions
{
    /// <summary>The pipeline as first released; unversioned instances (started before versioning) run it too.</summary>
    public const string V1 = "1.0";

    /// <summary>Version 1 that can start at a given stage (a restart) and reminds a late assessment until it is recorded.</summary>
    public const string V2 = "2.0";

    /// <summary>The first version that can start at a given stage (<see cref="CaseStart.Resume"/>): restarts start at it.</summary>
    public const string Resumable = V2;

    /// <summary>Every version this build runs, oldest first.</summary>
    public static IReadOnlyList<IPipelineVersion> All { get; } = [new CasePipelineV1(), new CasePipelineV2()];

    /// <summary>
    /// The newest of <paramref name="versions"/> that is not newer than the instance's version; an instance older than
    /// all of them (an unversioned one) gets the oldest.
    /// </summary>
    public static IPipelineVersion For(TaskOrchestrationContext context, IReadOnlyList<IPipelineVersion> versions)
    {
        for (var i = versions.Count - 1; i > 0; i--)
        {
            if (context.CompareVersionTo(versions[i].Version) >= 0)
            {
                return versions[i];
            }
        }

        return versions[0];
    }
}
