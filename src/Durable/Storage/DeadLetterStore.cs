using Azure;
using Azure.Data.Tables;

namespace PepFunctions.Durable.Storage;

/// <summary>Messages that kept failing, with the reason; kept until re-driven or deleted.</summary>
internal sealed class DeadLetterStore(TableClient table)
{
    public async Task AddAsync(WorkMessage message, string source, int attempts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Key(message.InstanceId), $"{message.Id}|{Guid.NewGuid():N}")
        {
            ["Message"] = Json.Serialize(message),
            ["Reason"] = message.LastError ?? "unknown",
            ["Source"] = source,
            ["Attempts"] = attempts,
            ["DeadLetteredAt"] = at,
        };
        await table.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? instanceId, int max, CancellationToken cancellationToken)
    {
        var filter = instanceId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {Key(instanceId)}");
        var letters = new List<DeadLetter>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            letters.Add(ToDeadLetter(entity));
            if (letters.Count >= max)
            {
                break;
            }
        }

        return letters;
    }

    public async Task<(DeadLetter Letter, WorkMessage Message)?> TakeAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(letter.PartitionKey, letter.Id, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var entity = found.Value!;
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }

        return (ToDeadLetter(entity), Json.Deserialize<WorkMessage>(entity.GetString("Message")));
    }

    private static string Key(string instanceId) => instanceId.Length == 0 ? "(unreadable)" : instanceId;

    private static DeadLetter ToDeadLetter(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetString("Source"),
        entity.GetString("Reason"),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetDateTimeOffset("DeadLetteredAt") ?? default);
}
