using System.Runtime.CompilerServices;
using System.Collections.Concurrent;

namespace PepFunctions.Benchmarks.Storage;

/// <summary>Azurite's three services, each on its own port (and Node.js process).</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>Storage requests counted by service and HTTP method, at one moment.</summary>
internal sealed class RequestCounts(IReadOnlyDictionary<(StorageService Service, string Method, string Resource), long> counted)
{
    private readonly IReadOnlyDictionary<(StorageService Service, string Method, string Resource), long> _counts = counted;

    public long Total => _counts.Values.Sum();

    public long Of(StorageService service) => _counts.Where(c => c.Key.Service == service).Sum(c => c.Value);

    /// <summary>What was counted after <paramref name="earlier"/>.</summary>
    public RequestCounts Since(RequestCounts earlier) =>
        new(_counts.ToDictionary(c => c.Key, c => c.Value - earlier._counts.GetValueOrDefault(c.Key)));

    /// <summary>
    /// Per service, method and target, divided by <paramref name="per"/>, e.g. <c>queue: GET -workitems 5.0,
    /// GET -control-01 1.2; table: GET History 6.0, POST $batch 7.0</c>; targets under 0.05 are left out.
    /// </summary>
    public string Breakdown(double per) => string.Join("; ", _counts
        .Where(c => c.Value / per >= 0.05)
        .GroupBy(c => c.Key.Service)
        .OrderBy(g => g.Key)
        .Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Sum(c => c.Value) / per:F1}: " + string.Join(", ", g
            .OrderByDescending(c => c.Value)
            .Select(c => $"{c.Key.Method} {c.Key.Resource} {c.Value / per:F1}"))));
}

/// <summary>Counts requests as the proxy forwards them.</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<(StorageService, string, string), StrongBox<long>> _counts = new();

    public void Add(StorageService service, string method, string resource) =>
        Interlocked.Increment(ref _counts.GetOrAdd((service, method, resource), _ => new StrongBox<long>()).Value);

    public RequestCounts Snapshot() => new(_counts.ToDictionary(c => c.Key, c => Interlocked.Read(ref c.Value.Value)));
}
