using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>
/// <c>/api/admin/notifications</c>: the notifications the sender gave up on, and retrying one, over HTTP with the
/// sender running every second.
/// </summary>
public sealed class FailedNotificationsApiTests(SenderApp fixture) : IClassFixture<SenderApp>
{
    private const string Failed = "/api/admin/notifications/failed";

    [Fact]
    public async Task ListFailed_GivenUpNotification_ShowsItsReasonAndNoPersonalData()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        var admin = await fixture.SignInAsync("admin");

        var list = await admin.GetFromJsonAsync<JsonElement>(Failed);

        var item = list.EnumerateArray().Single(n => n.GetProperty("id").GetString() == given.Id);
        Assert.Equal(("pk.kupang", "FollowUpOverdue", given.CaseId, 2, SenderApp.Attempts, SenderApp.Error),
            (item.GetProperty("recipient").GetString(), item.GetProperty("kind").GetString(), item.GetProperty("caseId").GetString(),
                item.GetProperty("followUp").GetInt32(), item.GetProperty("attempts").GetInt32(), item.GetProperty("lastError").GetString()));
        Assert.Equal(SenderApp.CreatedAt, item.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(
            ["id", "recipient", "kind", "caseId", "followUp", "attempts", "lastError", "createdAt", "requeuedAt", "requeuedBy"],
            item.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Retry_GivenUpNotification_IsDeliveredOnceAndRepeatsAreHarmless()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        var admin = await fixture.SignInAsync("admin");
        var recipient = await fixture.SignInAsync("pk.kupang");

        var first = await RetryAsync(admin, given.Id);
        var doubleClick = await RetryAsync(admin, given.Id);
        await fixture.WaitUntilDeliveredAsync(given.Id);
        var afterDelivery = await RetryAsync(admin, given.Id);

        Assert.Equal("Queued", first);
        Assert.Contains(doubleClick, new[] { "Queued", "Delivered" });
        Assert.Equal("Delivered", afterDelivery);
        Assert.Equal(1, Delivered(await recipient.GetFromJsonAsync<JsonElement>("/api/notifications"), given.Id));
        var failed = await admin.GetFromJsonAsync<JsonElement>(Failed);
        Assert.DoesNotContain(failed.EnumerateArray(), n => n.GetProperty("id").GetString() == given.Id);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-notification")]
    [InlineData("a..b")]
    public async Task Retry_UnknownId_Returns404Problem(string id)
    {
        var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsync($"/api/admin/notifications/{id}/retry", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Endpoints_NotAnAdministrator_Return401Or403AndRequeueNothing()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        var lapas = await fixture.SignInAsync("lapas.kupang");
        var retry = $"/api/admin/notifications/{given.Id}/retry";

        using var anonymousList = await fixture.App.Http.GetAsync(Failed);
        using var anonymousRetry = await fixture.App.Http.PostAsync(retry, null);
        using var otherList = await lapas.GetAsync(Failed);
        using var otherRetry = await lapas.PostAsync(retry, null);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (anonymousList.StatusCode, anonymousRetry.StatusCode, otherList.StatusCode, otherRetry.StatusCode));
        Assert.Equal("application/problem+json", otherRetry.Content.Headers.ContentType?.MediaType);
        Assert.True(await fixture.IsGivenUpAsync(given.Id));
    }

    private static async Task<string?> RetryAsync(HttpClient admin, string id)
    {
        using var response = await admin.PostAsync($"/api/admin/notifications/{id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("id").GetString());
        return body.GetProperty("state").GetString();
    }

    private static int Delivered(JsonElement notifications, string id) =>
        notifications.EnumerateArray().Count(n => n.GetProperty("id").GetString() == id);
}
