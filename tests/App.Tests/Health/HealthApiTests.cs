using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task GetHealth_StorageReachableAndWorkerRunning_Returns200Healthy()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", body.GetProperty("storage").GetString());
        Assert.Equal("running", body.GetProperty("worker").GetString());
    }

    [Fact]
    public async Task GetHealth_StorageUnreachable_Returns503SayingWhatIsWrong()
    {
        await using var app = await TestApp.StartWithUnreachableStorageAsync("--Health:StorageTimeout=00:00:01");

        using var response = await app.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("unreachable", body.GetProperty("storage").GetString());
        Assert.Equal("not running", body.GetProperty("worker").GetString());
    }
}
