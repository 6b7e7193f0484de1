using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Instances;

public sealed class DeadLettersApiTests
{
    [Fact]
    public async Task List_NewHub_ReturnsEmptyList()
    {
        await using var app = await TestApp.StartAsync();

        var letters = await app.Http.GetFromJsonAsync<JsonElement>("/api/deadletters");

        Assert.Equal(JsonValueKind.Array, letters.ValueKind);
        Assert.Equal(0, letters.GetArrayLength());
    }

    [Fact]
    public async Task List_MaxOutOfRange_Returns400NamingMax()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Http.GetAsync("/api/deadletters?max=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("max", out _), problem.ToString());
    }

    [Fact]
    public async Task Redrive_UnknownDeadLetter_Returns404Problem()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostAsync("/api/deadletters/some-instance/some-letter/redrive");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
