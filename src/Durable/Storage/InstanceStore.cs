using Azure;
using Azure.Data.Tables;

namespace PepFunctions.Durable.Storage;

/// <summary>Reads and writes <see cref="InstanceRecord"/>s: one entity per instance, keyed by the instance id.</summary>
/// <remarks>
/// PartitionKey and RowKey are both the instance id: every instance is its own partition (spreads in Azure),
/// and the RowKey is distinct per entity (Azurite looks entities up by RowKey first).
/// The compressed document goes in binary properties of up to 64 KiB each; a larger one goes to a blob
/// written before the entity, so the entity is still committed in one write.
/// </remarks>
internal sealed class InstanceStore(TableClient table, PayloadStore payloads)
{
    private const int ChunkBytes = 64 * 1024;
    // 9 × 64 KiB of binary is ~768 KiB as base64 in the request body, under the 1 MiB entity limit with room for the rest.
    private const int MaxChunks = 9;
    private const int MaxInlineChars = 30_000;

    private static readonly string[] MetadataColumns =
        ["PartitionKey", "RowKey", "Name", "Version", "ExecutionId", "Status", "CreatedAt", "LastUpdatedAt", "CustomStatus", "CustomStatusBlob", "Failure", "FailureBlob"];

    public async Task<InstanceRecord?> GetAsync(string instanceId, bool withDocument, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            instanceId, instanceId, withDocument ? null : [.. MetadataColumns, "Input", "InputBlob", "Output", "OutputBlob", "StartAt", "LastWorker"], cancellationToken);
        return response.HasValue ? await ReadAsync(response.Value!, withDocument, withPayloads: true, cancellationToken) : null;
    }

    /// <summary>Inserts a new instance.</summary>
    /// <returns>False when the id is already taken.</returns>
    public async Task<bool> TryInsertAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var entity = await ToEntityAsync(record, cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            record.ETag = response.Headers.ETag ?? default;
            record.StoredBlobs = BlobNames(entity);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the instance if nobody else committed since it was read.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone else committed first.</exception>
    public async Task ReplaceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var entity = await ToEntityAsync(record, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Replace, cancellationToken);
            record.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(record.InstanceId, ex);
        }

        // Blobs get a new name on every write (so a losing commit never overwrites the winner's);
        // once this commit has landed, the blobs the previous state referred to are garbage.
        var current = BlobNames(entity);
        foreach (var stale in record.StoredBlobs.Except(current))
        {
            await payloads.DeleteAsync(stale, cancellationToken);
        }

        record.StoredBlobs = current;
    }

    public async Task<bool> DeleteAsync(string instanceId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(instanceId, instanceId, etag, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        var select = query.FetchPayloads ? null : MetadataColumns;
        var pages = table.QueryAsync<TableEntity>(BuildFilter(query), query.PageSize, select, cancellationToken)
            .AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages)
        {
            var items = new List<OrchestrationMetadata>(page.Values.Count);
            foreach (var entity in page.Values)
            {
                var record = await ReadAsync(entity, withDocument: false, query.FetchPayloads, cancellationToken);
                items.Add(record.ToMetadata(query.FetchPayloads));
            }

            return new InstancePage(items, page.ContinuationToken);
        }

        return new InstancePage([], null);
    }

    internal static string BuildFilter(InstanceQuery query)
    {
        var clauses = new List<string>();
        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + '\uffff'}"));
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var any = statuses.Select(status => TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
            clauses.Add("(" + string.Join(" or ", any) + ")");
        }

        return string.Join(" and ", clauses);
    }

    private async Task<TableEntity> ToEntityAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(record.InstanceId, record.InstanceId)
        {
            ["Name"] = record.Name,
            ["Version"] = record.Version,
            ["ExecutionId"] = record.ExecutionId,
            ["Status"] = record.Status.ToString(),
            ["CreatedAt"] = record.CreatedAt,
            ["LastUpdatedAt"] = record.LastUpdatedAt,
            ["StartAt"] = record.StartAt,
            ["LastWorker"] = record.LastWorker,
        };
        await PutTextAsync(entity, record.InstanceId, "Input", record.Input, cancellationToken);
        await PutTextAsync(entity, record.InstanceId, "Output", record.Output, cancellationToken);
        await PutTextAsync(entity, record.InstanceId, "CustomStatus", record.CustomStatus, cancellationToken);
        await PutTextAsync(entity, record.InstanceId, "Failure", record.Failure is null ? null : Json.Serialize(record.Failure), cancellationToken);

        var document = PayloadStore.Compress(Json.SerializeToUtf8(record.Document));
        if (document.Length > ChunkBytes * MaxChunks)
        {
            entity["DocumentBlob"] = await payloads.UploadAsync(record.InstanceId, "state", document, cancellationToken);
            return entity;
        }

        var chunks = (document.Length + ChunkBytes - 1) / ChunkBytes;
        entity["DocumentChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * ChunkBytes;
            entity[$"D{i}"] = document.AsSpan(offset, Math.Min(ChunkBytes, document.Length - offset)).ToArray();
        }

        return entity;
    }

    private async Task<InstanceRecord> ReadAsync(TableEntity entity, bool withDocument, bool withPayloads, CancellationToken cancellationToken)
    {
        var failure = await GetTextAsync(entity, "Failure", cancellationToken);
        var record = new InstanceRecord
        {
            InstanceId = entity.PartitionKey,
            Name = entity.GetString("Name"),
            Version = entity.GetString("Version") ?? "",
            ExecutionId = entity.GetString("ExecutionId"),
            Status = Enum.Parse<OrchestrationStatus>(entity.GetString("Status")),
            CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
            LastUpdatedAt = entity.GetDateTimeOffset("LastUpdatedAt") ?? default,
            StartAt = entity.GetDateTimeOffset("StartAt"),
            LastWorker = entity.GetString("LastWorker"),
            CustomStatus = await GetTextAsync(entity, "CustomStatus", cancellationToken),
            Failure = failure is null ? null : Json.Deserialize<TaskFailureDetails>(failure),
            ETag = entity.ETag,
            StoredBlobs = BlobNames(entity),
        };
        if (withPayloads)
        {
            record.Input = await GetTextAsync(entity, "Input", cancellationToken);
            record.Output = await GetTextAsync(entity, "Output", cancellationToken);
        }

        if (withDocument)
        {
            record.Document = await ReadDocumentAsync(entity, cancellationToken);
        }

        return record;
    }

    private static string[] BlobNames(TableEntity entity) =>
        [.. entity.Where(p => p.Key.EndsWith("Blob", StringComparison.Ordinal) && p.Value is string).Select(p => (string)p.Value)];

    private async Task<InstanceDocument> ReadDocumentAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        byte[] compressed;
        if (entity.GetString("DocumentBlob") is { } blob)
        {
            compressed = await payloads.DownloadAsync(blob, cancellationToken);
        }
        else
        {
            var chunks = entity.GetInt32("DocumentChunks") ?? 0;
            using var buffer = new MemoryStream();
            for (var i = 0; i < chunks; i++)
            {
                buffer.Write(entity.GetBinary($"D{i}"));
            }

            compressed = buffer.ToArray();
        }

        return compressed.Length == 0 ? new InstanceDocument() : Json.Deserialize<InstanceDocument>(PayloadStore.Decompress(compressed));
    }

    private async Task PutTextAsync(TableEntity entity, string instanceId, string property, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= MaxInlineChars)
        {
            entity[property] = value;
            return;
        }

        entity[property + "Blob"] = await payloads.UploadTextAsync(instanceId, property.ToLowerInvariant(), value, cancellationToken);
    }

    private async Task<string?> GetTextAsync(TableEntity entity, string property, CancellationToken cancellationToken) =>
        entity.GetString(property + "Blob") is { } blob
            ? await payloads.DownloadTextAsync(blob, cancellationToken)
            : entity.GetString(property);
}

/// <summary>Another worker committed a step for the same instance first.</summary>
internal sealed class ConcurrencyConflictException(string instanceId, Exception inner)
    : Exception($"Instance '{instanceId}' was changed by another worker.", inner);
