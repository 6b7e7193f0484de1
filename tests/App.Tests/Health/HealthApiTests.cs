using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Health;

public sealed class HealthApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task GetHealth_StorageAndTaskHubReachable_Returns200Healthy()
    {
        using var response = await app.App.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", body.GetProperty("storage").GetString());
        Assert.Equal("reachable", body.GetProperty("durable").GetString());
    }
}
