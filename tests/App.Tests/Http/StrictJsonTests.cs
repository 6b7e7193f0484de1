using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PepFunctions.App.Tests.Cases;

namespace PepFunctions.App.Tests.Http;

/// <summary>Every JSON body is read strictly: bounded strings, lists and size, enums by name, numbers as numbers.</summary>
public sealed class StrictJsonTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task Enrol_StringAndListOverTheirLimits_Returns400NamingEachField()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        body["fullName"] = new string('x', 100_000);
        body["consent"] = new { recordedBy = "lapas.kupang", recordedAt = DateTimeOffset.UtcNow, scope = Enumerable.Repeat("Programme", 5_000) };

        var problem = await SendAsync(lapas, JsonSerializer.Serialize(body), HttpStatusCode.BadRequest);

        Assert.Equal(["consent.scope", "fullName"], Fields(problem));
    }

    [Fact]
    public async Task Enrol_BodyOverOneMegabyte_Returns413()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        body["padding"] = new string('x', 2 * 1024 * 1024);

        await SendAsync(lapas, JsonSerializer.Serialize(body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Enrol_EnumAsNumber_Returns400NamingTheField()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        body["consent"] = new { recordedBy = "lapas.kupang", recordedAt = DateTimeOffset.UtcNow, scope = new[] { 0 } };

        var problem = await SendAsync(lapas, JsonSerializer.Serialize(body), HttpStatusCode.BadRequest);

        Assert.Equal(["consent.scope[0]"], Fields(problem));
    }

    [Fact]
    public async Task CreateBatch_NumberAsString_Returns400NamingTheField()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = """{"track":"FoodProcessing","partner":"Ditjen IKMA","startDate":"2025-02-03","endDate":"2025-02-14","sessions":"5"}""";

        var problem = await SendAsync(lapas, body, HttpStatusCode.BadRequest, "/api/training/batches");

        Assert.Equal(["sessions"], Fields(problem));
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string json, HttpStatusCode expected, string path = "/api/cases")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(PepFunctions.App.Http.IdempotencyKeys.Header, Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"POST {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
}
