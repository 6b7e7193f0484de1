using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Http;

public sealed class HttpApiDefaultsTests
{
    [Fact]
    public async Task GetOpenApiDocument_Served_DescribesEveryApi()
    {
        await using var app = await TestApp.StartAsync();

        var document = await app.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in new[]
        {
            "/api/health", "/api/samples/hello", "/api/samples/approval", "/api/instances", "/api/instances/{instanceId}",
            "/api/instances/{instanceId}/history", "/api/instances/{instanceId}/events/{eventName}",
            "/api/instances/{instanceId}/terminate", "/api/deadletters", "/api/deadletters/{instanceId}/{id}/redrive",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"The OpenAPI document should describe {path}.");
        }
    }
}
