using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Demo;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Demo;

public sealed class DemoSeedTests(DemoSeedTests.SeededApp app) : IClassFixture<DemoSeedTests.SeededApp>
{
    [Fact]
    public async Task Start_WithDemoSeed_EnrolsTheDemoPeopleOnce()
    {
        var kupang = await app.SignInAsync("lapas.kupang");

        var ids = await WaitForAsync(kupang, "/api/cases", expected: 3);
        var batches = await WaitForAsync(kupang, "/api/training/batches", expected: 1);
        Assert.True(await app.App.Services.GetRequiredService<DemoSeed>().SeedAsync(app.App.Client, CancellationToken.None));

        Assert.Equal(new[] { "WBP-2025-0101", "WBP-2025-0102", "WBP-2025-0103" }.Select(n => TestCaseIds.For(Offices.LppKupang, n)).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.StartsWith("LPP-KUPANG-", Assert.Single(batches), StringComparison.Ordinal);
        Assert.Equal(3, (await kupang.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());
        Assert.Equal(1, (await kupang.GetFromJsonAsync<JsonElement>("/api/training/batches")).GetArrayLength());
    }

    /// <summary>Polls a list until it has <paramref name="expected"/> items; returns their ids.</summary>
    private static async Task<List<string>> WaitForAsync(HttpClient client, string path, int expected)
    {
        var list = await TestApp.WaitForJsonAsync(client, path, list => list.GetArrayLength() >= expected, $"{expected} items");
        Assert.Equal(expected, list.GetArrayLength());
        return [.. list.EnumerateArray().Select(IdOf)];
    }

    private static string IdOf(JsonElement item) =>
        (item.TryGetProperty("caseId", out var caseId) ? caseId : item.GetProperty("batchId")).GetString()!;

    /// <summary>The app with the demo seed on: the <c>SeedDemo</c> timer seeds it when the runner starts.</summary>
    public sealed class SeededApp : FeatureApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, Set("Demo:Seed", "true")];

        protected override bool RunTimers => true;
    }
}
