using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Tests.Support;

/// <summary>
/// The app's hub storage a second time, with every table request counted by table and kind (point read, query, write) and
/// every entity a read returned counted by table: what a sweep or a page built over it costs, in requests and entities.
/// </summary>
/// <remarks>
/// The same counts as <c>scripts/bench</c>'s counting proxy (src/Benchmarks/Storage/CountingProxy.cs) takes in front of
/// Azurite, taken inside the test's process instead: the proxy counts a whole process's traffic, and a test wants one
/// service's. A policy on the table client sees each request once per attempt, retries included, as the proxy does.
/// </remarks>
internal sealed class CountedStorage
{
    private readonly ConcurrentDictionary<(string Table, string Kind), int> _requests = new();
    private readonly ConcurrentDictionary<string, int> _entities = new(StringComparer.Ordinal);

    private CountedStorage(string connectionString, string hub)
    {
        var options = new TableClientOptions();
        options.AddPolicy(new Counting(this, hub), HttpPipelinePosition.PerRetry);
        Storage = new HubStorage(
            new TableServiceClient(connectionString, options), new BlobServiceClient(connectionString),
            Options.Create(new StorageOptions { TaskHubName = hub }));
    }

    /// <summary>The counted storage, on the app's task hub.</summary>
    public HubStorage Storage { get; }

    /// <summary>Counted storage over <paramref name="app"/>'s tables.</summary>
    public static CountedStorage For(TestApp app) => new(app.ConnectionString, app.HubName);

    /// <summary>Counted storage over the tables of task hub <paramref name="hub"/>.</summary>
    public static CountedStorage For(string connectionString, string hub) => new(connectionString, hub);

    /// <summary>Requests to <paramref name="table"/> (its name without the hub) of <paramref name="kind"/> (<c>point</c>, <c>query</c>, <c>write</c>), or of every kind.</summary>
    public int Requests(string table, string? kind = null) =>
        _requests.Where(r => r.Key.Table == table && (kind is null || r.Key.Kind == kind)).Sum(r => r.Value);

    /// <summary>Every table request.</summary>
    public int TotalRequests => _requests.Values.Sum();

    /// <summary>Entities the reads of <paramref name="table"/> returned.</summary>
    public int EntitiesRead(string table) => _entities.GetValueOrDefault(table);

    /// <summary>Every entity read.</summary>
    public int TotalEntitiesRead => _entities.Values.Sum();

    /// <summary>Forgets what was counted.</summary>
    public void Reset()
    {
        _requests.Clear();
        _entities.Clear();
    }

    /// <summary>What was counted, one line per table and kind, for a failing assertion's message.</summary>
    public override string ToString() => string.Join("; ", _requests.OrderBy(r => r.Key.Table, StringComparer.Ordinal)
        .Select(r => $"{r.Key.Table} {r.Key.Kind} {r.Value} ({EntitiesRead(r.Key.Table)} entities)"));

    private sealed class Counting(CountedStorage counts, string hub) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Count(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Count(message);
        }

        private void Count(HttpMessage message)
        {
            // /devstoreaccount1/{hub}Cases(PartitionKey='a',RowKey='b')?$filter=...: the table, and whether both keys are given.
            var path = message.Request.Uri.Path;
            var resource = Uri.UnescapeDataString(path[(path.IndexOf('/', 1) + 1)..]);
            var table = resource.Split('(')[0];
            table = table.StartsWith(hub, StringComparison.Ordinal) ? table[hub.Length..] : table;
            var method = message.Request.Method;
            var kind = method != RequestMethod.Get ? "write" : resource.Contains("RowKey=", StringComparison.Ordinal) ? "point" : "query";
            counts._requests.AddOrUpdate((table, kind), 1, (_, n) => n + 1);
            if (method == RequestMethod.Get && message.HasResponse && message.Response.Status == 200)
            {
                counts._entities.AddOrUpdate(table, Entities(message.Response), (_, n) => n + Entities(message.Response));
            }
        }

        private static int Entities(Azure.Response response)
        {
            using var json = JsonDocument.Parse(response.Content);
            return json.RootElement.TryGetProperty("value", out var rows) && rows.ValueKind == JsonValueKind.Array ? rows.GetArrayLength() : 1;
        }
    }
}
