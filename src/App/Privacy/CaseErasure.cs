using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;

namespace PepFunctions.App.Privacy;

/// <summary>
/// Erases a person as a durable, fenced operation. A request (<see cref="RequestAsync"/>) writes the erasure's record, marks
/// the case "erasing" (from then on every path refuses it: views, lists, corrections, exports, the repair sweep), empties the
/// record's name, NIK and registration number, asks the pipeline to end, and answers at once. The work runs in the background
/// (<see cref="ErasureSweep"/>, every few seconds and after any restart): it ends and purges the pipeline, removes or
/// anonymises the person's data in every place the app writes (<see cref="PersonalDataPlaces"/>, the files under
/// <c>{caseId}/</c>, and last the case record and its office summary), and re-keys what it keeps to a random id.
/// </summary>
/// <remarks>
/// <para>
/// Step by step with a progress record (<c>Erasures</c>: PartitionKey the case id, RowKey <c>erasure</c>: RequestedBy,
/// RequestedAt, Reason, Trigger, Step (the last step done), CompletedAt) and, while it runs, a row in the partition
/// <c>pending</c> (RowKey the case id) that the background work reads. Every step is safe to run again; the work resumes after
/// the last step recorded. The record is the one line that remains: case id, who, when, why — never a name, NIK or
/// registration number. The random id the kept rows move to is on the record only while the work runs, so nothing links the
/// anonymous rows to the case id afterwards.
/// </para>
/// <para>
/// The work starts <see cref="PrivacyOptions.ErasureSettle"/> after the request: longer than any request may run (the front
/// end's 230 seconds), so a view or correction that passed the fence just before it has ended before the tables are cleaned.
/// </para>
/// </remarks>
public sealed partial class CaseErasure(HubStorage storage, TimeProvider clock, IOptions<PrivacyOptions> options, ILogger<CaseErasure> logger)
{
    /// <summary>The progress and audit table's name after the hub prefix.</summary>
    public const string TableName = "Erasures";

    /// <summary>The longest reason an administrator gives.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The partition of <see cref="TableName"/> that lists the erasures still running (RowKey the case id).</summary>
    public const string PendingPartition = "pending";

    private const string RowKey = "erasure";
    private const string CompletedStep = "Completed";
    private const string AnonymousIdProperty = "AnonymousId";

    /// <summary>
    /// Starts erasing the person of <paramref name="caseId"/>: the record of the erasure, the fence on the case and the request to
    /// end its pipeline; the rest runs in the background. Sent again, it answers with the erasure as it stands.
    /// </summary>
    /// <param name="caseId">The case.</param>
    /// <param name="by">The administrator's username, or <c>retention</c>.</param>
    /// <param name="reason">Why (stored in the audit line; no names).</param>
    /// <param name="trigger">What asked for it: <c>Request</c> or <c>Retention</c>.</param>
    /// <param name="client">The durable client, to ask the pipeline to end.</param>
    /// <param name="cancellationToken">Cancels the request (the background work carries on from what was written).</param>
    /// <exception cref="NotFoundException">No such case, and no erasure of it.</exception>
    public async Task<ErasureResponse> RequestAsync(
        string caseId, string by, string reason, string trigger, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var erasures = await storage.TableAsync(TableName, cancellationToken);
        var progress = await StartAsync(erasures, caseId, by, reason, trigger, cancellationToken);
        if (progress.GetDateTimeOffset("CompletedAt") is null)
        {
            await FenceAsync(caseId, cancellationToken);
            await AskPipelineToEndAsync(caseId, client, cancellationToken);
        }

        return ErasureResponse.From(progress);
    }

    /// <summary>
    /// Does the work of every erasure requested at least <see cref="PrivacyOptions.ErasureSettle"/> ago and not finished; the
    /// background's routine (<see cref="ErasureSweep"/>).
    /// </summary>
    /// <returns>How many erasures were pending and how many finished now.</returns>
    public async Task<(int Pending, int Finished)> RunPendingAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var erasures = await storage.TableAsync(TableName, cancellationToken);
        var settled = clock.GetUtcNow() - options.Value.ErasureSettle;
        var pending = new List<TableEntity>();
        await foreach (var row in erasures.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}"), cancellationToken: cancellationToken))
        {
            pending.Add(row);
        }

        var finished = 0;
        foreach (var row in pending.Where(row => row.GetDateTimeOffset("RequestedAt") is not { } at || at <= settled))
        {
            var line = await erasures.GetEntityIfExistsAsync<TableEntity>(row.RowKey, RowKey, cancellationToken: cancellationToken);
            if (line.HasValue)
            {
                var done = line.Value!;
                await EraseAsync(row.RowKey, done.GetString("RequestedBy") ?? "", done.GetString("Reason") ?? "", done.GetString("Trigger") ?? "", client, cancellationToken);
            }

            await DeleteAsync(erasures, PendingPartition, row.RowKey, cancellationToken);
            finished++;
        }

        return (pending.Count, finished);
    }

    /// <summary>Erases the person of <paramref name="caseId"/> now, or finishes an erasure that stopped (the background's work, and the retention sweep's).</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="by">The administrator's username, or <c>retention</c>.</param>
    /// <param name="reason">Why (stored in the audit line; no names).</param>
    /// <param name="trigger">What asked for it: <c>Request</c> or <c>Retention</c>.</param>
    /// <param name="client">The durable client, to end and purge the pipeline.</param>
    /// <param name="cancellationToken">Cancels the work (a later call resumes it).</param>
    /// <exception cref="NotFoundException">No such case, and no erasure of it.</exception>
    public async Task<ErasureResponse> EraseAsync(
        string caseId, string by, string reason, string trigger, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var erasures = await storage.TableAsync(TableName, cancellationToken);
        var progress = await StartAsync(erasures, caseId, by, reason, trigger, cancellationToken);
        var done = progress.GetString("Step");
        if (done != CompletedStep && progress.GetString(AnonymousIdProperty) is null)
        {
            // The random id the kept rows move to: on the record only until the erasure completes.
            progress[AnonymousIdProperty] = "anon-" + Guid.NewGuid().ToString("N");
            await SaveAsync(erasures, progress, cancellationToken);
        }

        var steps = Steps(caseId, progress.GetString(AnonymousIdProperty) ?? "", client);
        var skip = done is null ? 0 : steps.FindIndex(s => s.Name == done) + 1;
        foreach (var (name, run) in steps.Skip(skip))
        {
            await run(cancellationToken);
            progress["Step"] = name;
            if (name == CompletedStep)
            {
                progress["CompletedAt"] = clock.GetUtcNow();
                progress.Remove(AnonymousIdProperty);
            }

            await SaveAsync(erasures, progress, cancellationToken);
        }

        logger.LogInformation("Case {CaseId} erased ({Trigger}) by {Username}", caseId, trigger, by);
        return ErasureResponse.From(progress);
    }

    /// <summary>The erasure record of <paramref name="caseId"/>, or null.</summary>
    public async Task<ErasureResponse?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        var erasures = await storage.TableAsync(TableName, cancellationToken);
        var row = await erasures.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? ErasureResponse.From(row.Value!) : null;
    }

    private static async Task SaveAsync(TableClient erasures, TableEntity progress, CancellationToken cancellationToken)
    {
        // Replace: a column removed (the random id, at the end) leaves the row.
        var saved = await erasures.UpdateEntityAsync(progress, progress.ETag, TableUpdateMode.Replace, cancellationToken);
        progress.ETag = saved.Headers.ETag ?? default;
    }

    private async Task<TableEntity> StartAsync(TableClient erasures, string caseId, string by, string reason, string trigger, CancellationToken cancellationToken)
    {
        var earlier = await erasures.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken);
        if (earlier.HasValue)
        {
            return earlier.Value!;
        }

        var cases = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        if (!(await cases.GetEntityIfExistsAsync<TableEntity>(caseId, caseId, ["RowKey"], cancellationToken)).HasValue)
        {
            throw new NotFoundException($"Case '{caseId}' was not found.");
        }

        var now = clock.GetUtcNow();
        // The pending row first: if the request stops after it, the background work still finds the erasure.
        await erasures.UpsertEntityAsync(new TableEntity(PendingPartition, caseId) { ["RequestedAt"] = now }, TableUpdateMode.Replace, cancellationToken);
        var row = new TableEntity(caseId, RowKey)
        {
            ["RequestedBy"] = by, ["RequestedAt"] = now, ["Reason"] = reason, ["Trigger"] = trigger,
        };
        try
        {
            var added = await erasures.AddEntityAsync(row, cancellationToken);
            row.ETag = added.Headers.ETag ?? default;
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // Another request started the same erasure a moment ago: carry on from its record.
            return (await erasures.GetEntityAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken)).Value;
        }
    }

    /// <summary>Asks a pipeline that has not ended to end (the background work waits for it and purges it).</summary>
    private static async Task AskPipelineToEndAsync(string caseId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, cancellationToken);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
        {
            await TerminateAsync(caseId, client, cancellationToken);
        }
    }

    private static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Gone already: an earlier attempt deleted it.
        }
    }
}

/// <summary>The erasure's audit line: the case, who, when, why, and how far it has got.</summary>
public sealed record ErasureResponse(string CaseId, string RequestedBy, DateTimeOffset RequestedAt, string Reason, string Trigger, string? Step, DateTimeOffset? CompletedAt)
{
    internal static ErasureResponse From(TableEntity row) => new(
        row.PartitionKey, row.GetString("RequestedBy") ?? "", row.GetDateTimeOffset("RequestedAt") ?? default, row.GetString("Reason") ?? "",
        row.GetString("Trigger") ?? "", row.GetString("Step"), row.GetDateTimeOffset("CompletedAt"));
}
