using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Http;

public sealed partial class HttpApiDefaultsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task GetOpenApiDocument_Served_DescribesEveryApiFunctionWithItsMethods()
    {
        var document = await app.App.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var api = app.App.Functions.Where(f => f.Trigger.Type == "httpTrigger" && f.Trigger.Route!.StartsWith("api/", StringComparison.Ordinal)).ToList();
        Assert.Contains(api, f => f.Trigger.Route == "api/instances/{instanceId}");
        foreach (var function in api)
        {
            var path = "/" + Constraint().Replace(function.Trigger.Route!, "{$1}");
            Assert.True(paths.TryGetProperty(path, out var item), $"The OpenAPI document should describe {path} ({function.Name}).");
            foreach (var method in function.Trigger.Methods!)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{path} should have {method} ({function.Name}).");
                Assert.Equal(function.Name, operation.GetProperty("operationId").GetString());
            }
        }
    }

    [GeneratedRegex(@"\{([^:}]+):[^}]+\}")]
    private static partial Regex Constraint();
}
