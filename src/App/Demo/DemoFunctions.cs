using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;

namespace PepFunctions.App.Demo;

/// <summary>Seeds the demo data when the app starts, and again each midnight (UTC) — idempotently, and only when <c>Demo:Seed</c> is on.</summary>
public sealed class DemoFunctions(DemoSeed seed, ILogger<DemoFunctions> logger)
{
    /// <summary>Seeds the demo people and training batches (<see cref="DemoSeed"/>); a storage outage waits for the next run.</summary>
    [Function("SeedDemo")]
    public async Task SeedAsync(
        [TimerTrigger("0 0 0 * * *", RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        try
        {
            await seed.SeedAsync(client, cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Demo seeding waits for storage; it runs again on its next schedule");
        }
    }
}
