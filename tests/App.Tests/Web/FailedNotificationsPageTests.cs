using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PepFunctions.App.Tests.Notifications;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

/// <summary><c>/kelola/notifikasi</c>: the notifications the sender gave up on, with why, and a retry form each (administrators).</summary>
public sealed class FailedNotificationsPageTests(SenderApp fixture) : IClassFixture<SenderApp>
{
    private const string Path = "/kelola/notifikasi";

    [Fact]
    public async Task Page_GivenUpNotification_ShowsWhyAndWhenInTheAdministratorsZone()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        using var admin = await StaffSession.SignInAsync(fixture.App, "admin");

        var (response, page) = await admin.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = page.QuerySelector($"#n-{given.Id}");
        Assert.NotNull(item);
        Assert.Equal("Pendampingan terlambat", item.QuerySelector("h2")?.TextContent);
        Assert.Equal("pk.kupang", item.QuerySelector(".recipient")?.TextContent);
        Assert.Equal(given.CaseId, item.QuerySelector($"a[href='/kasus/{given.CaseId}']")?.TextContent);
        Assert.Equal(SenderApp.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), item.QuerySelector(".attempts")?.TextContent);
        Assert.Equal(SenderApp.Error, item.QuerySelector(".last-error")?.TextContent);

        // Queued at 17:30 UTC on 1 December: already 2 December at Ditjenpas (WIB, UTC+7), the administrator's office.
        var time = item.QuerySelector("time");
        Assert.Equal(("2026-12-02T00:30+07:00", "2 Des 2026 00.30 WIB"), (time?.GetAttribute("datetime"), time?.TextContent));
        var form = item.QuerySelector<IHtmlFormElement>("form");
        Assert.Equal("post", form?.Method);
        Assert.NotNull(form?.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.NotNull(page.QuerySelector($"nav.menu a[href='{Path}']"));
        var (_, english) = await admin.GetAsync(Path + "?lang=en");
        Assert.Equal("Notifications that gave up", english.QuerySelector("h1")?.TextContent);
        Assert.Equal("Retry", english.QuerySelector($"#n-{given.Id} button")?.TextContent);
    }

    [Fact]
    public async Task Retry_GivenUpNotification_IsDeliveredAndPostingTheFormAgainIsHarmless()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        using var admin = await StaffSession.SignInAsync(fixture.App, "admin");
        var recipient = await fixture.SignInAsync("pk.kupang");
        var (_, page) = await admin.GetAsync(Path);
        var form = RetryForm(page, given.Id);

        var (first, _) = await admin.PostAsync(Path, form);
        var (doubleClick, _) = await admin.PostAsync(Path, form);
        await fixture.WaitUntilDeliveredAsync(given.Id);
        var (afterDelivery, _) = await admin.PostAsync(Path, form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(Path + "?saved=NotificationQueued", first.Headers.Location?.OriginalString);
        Assert.Contains(doubleClick.Headers.Location?.OriginalString, new[] { Path + "?saved=NotificationQueued", Path + "?saved=NotificationDelivered" });
        Assert.Equal(Path + "?saved=NotificationDelivered", afterDelivery.Headers.Location?.OriginalString);
        Assert.Equal(1, Delivered(await recipient.GetFromJsonAsync<JsonElement>("/api/notifications"), given.Id));
        var (_, after) = await admin.GetAsync(first.Headers.Location!.OriginalString);
        Assert.Equal("Notifikasi masuk antrean lagi; pengirim mengambilnya pada putaran berikutnya.", after.QuerySelector("p.saved")?.TextContent);
        Assert.Null(after.QuerySelector($"#n-{given.Id}"));
    }

    [Fact]
    public async Task Page_NotSignedIn_RedirectsToSignIn()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        using var anonymous = new StaffSession(fixture.App);

        var (get, _) = await anonymous.GetAsync(Path);
        var (post, _) = await anonymous.PostAsync(Path, [new("id", given.Id)]);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (get.StatusCode, post.StatusCode));
        Assert.Equal("/masuk", new Uri(get.Headers.Location!.OriginalString).AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(Path), get.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.True(await fixture.IsGivenUpAsync(given.Id));
    }

    [Fact]
    public async Task Page_LapasOfficer_Returns403AndRequeuesNothing()
    {
        var given = await fixture.SeedGivenUpAsync("pk.kupang");
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");
        var (_, home) = await lapas.GetAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("form.signout input[name='__RequestVerificationToken']")!.Value;

        var (get, page) = await lapas.GetAsync(Path);
        var (post, _) = await lapas.PostAsync(Path, [new("__RequestVerificationToken", token), new("id", given.Id)]);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (get.StatusCode, post.StatusCode));
        Assert.Equal("Tidak diizinkan", page.QuerySelector("h1")?.TextContent);
        Assert.Null(home.QuerySelector($"nav.menu a[href='{Path}']"));
        Assert.True(await fixture.IsGivenUpAsync(given.Id));
    }

    /// <summary>The fields the retry form of notification <paramref name="id"/> sends, as a browser sends them.</summary>
    private static List<KeyValuePair<string, string>> RetryForm(IHtmlDocument page, string id)
    {
        var form = page.QuerySelector<IHtmlFormElement>($"#n-{id} form");
        Assert.NotNull(form);
        return [.. form.Elements.OfType<IHtmlInputElement>().Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))];
    }

    private static int Delivered(JsonElement notifications, string id) =>
        notifications.EnumerateArray().Count(n => n.GetProperty("id").GetString() == id);
}
