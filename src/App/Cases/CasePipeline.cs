using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Cases.V1;

namespace PepFunctions.App.Cases;

/// <summary>
/// One person's way through the programme, from enrollment to graduation — "from upstream to
/// downstream": assessment, training until release, release to a Bapas, a year of mentoring
/// follow-ups with reminders and escalation, then marketing until the business has sold for
/// enough months. A withdrawal ends it at any stage.
/// </summary>
/// <remarks>
/// <para>
/// An orchestrator, replayed from its history: it uses only the context's time, timers and events, and all reads
/// and writes of case records happen in activities. The instance id is the case id. Capital referrals, training
/// batches and products are records that staff keep through the API; they touch this pipeline only through the
/// events in <see cref="CaseEvents"/>.
/// </para>
/// <para>
/// Versioned, the Durable Functions way: each instance keeps the version it was started at (host.json's
/// <c>extensions.durableTask.defaultVersion</c>), and this class runs the implementation of that version
/// (<see cref="PipelineVersions"/>), found with the SDK's <see cref="TaskOrchestrationContext.CompareVersionTo"/>, never
/// with <c>==</c>: an instance started before versioning has an empty or null version, depending on the host, and runs version 1.
/// </para>
/// </remarks>
public sealed class CasePipeline : TaskOrchestrator<CaseStart, CaseOutcome>
{
    /// <summary>Why a pipeline graduates a person (its outcome's reason; the pages word it in their language).</summary>
    public const string GraduatedReason = CasePipelineV1.GraduatedReason;

    /// <summary>Why a pipeline ends without graduating, when no withdrawal ended it.</summary>
    public const string EndedReason = CasePipelineV1.EndedReason;

    private readonly IReadOnlyList<IPipelineVersion> _versions;

    /// <summary>The pipeline with every version this build runs.</summary>
    public CasePipeline()
        : this(PipelineVersions.All)
    {
    }

    /// <summary>The pipeline with <paramref name="versions"/>, oldest first (the golden-history tests pass their own).</summary>
    internal CasePipeline(IReadOnlyList<IPipelineVersion> versions)
    {
        ArgumentOutOfRangeException.ThrowIfZero(versions.Count, nameof(versions));
        _versions = versions;
    }

    /// <summary>The orchestrator function: runs the pipeline with the instance's <see cref="CaseStart"/>.</summary>
    [Function(nameof(CasePipeline))]
    public static Task<CaseOutcome> RunFunctionAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CasePipeline().RunAsync(context, context.GetInput<CaseStart>()
            ?? throw new InvalidOperationException($"Orchestration '{context.InstanceId}' was started without a {nameof(CaseStart)}."));
    }

    /// <inheritdoc />
    public override Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        return PipelineVersions.For(context, _versions).RunAsync(new VersionedStatusContext(context), start);
    }
}
