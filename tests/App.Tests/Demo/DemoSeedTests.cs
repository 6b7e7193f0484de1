using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Demo;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task Start_WithDemoSeed_EnrolsTheDemoPeopleOnce()
    {
        await using var app = await FeatureApp.StartAsync("--Demo:Seed=true");
        var kupang = await app.SignInAsync("lapas.kupang");

        var ids = await WaitForAsync(kupang, "/api/cases", expected: 3);
        var batches = await WaitForAsync(kupang, "/api/training/batches", expected: 1);

        Assert.All(ids, id => Assert.StartsWith("case-lpp-kupang-wbp-2025-01", id, StringComparison.Ordinal));
        Assert.StartsWith("LPP-KUPANG-", Assert.Single(batches), StringComparison.Ordinal);
    }

    /// <summary>Polls a list until it has <paramref name="expected"/> items; returns their ids.</summary>
    private static async Task<List<string>> WaitForAsync(HttpClient client, string path, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>(path);
            var ids = list.EnumerateArray().Select(IdOf).ToList();
            if (ids.Count >= expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, ids.Count);
                return ids;
            }

            await Task.Delay(200);
        }
    }

    private static string IdOf(JsonElement item) =>
        (item.TryGetProperty("caseId", out var caseId) ? caseId : item.GetProperty("batchId")).GetString()!;
}
