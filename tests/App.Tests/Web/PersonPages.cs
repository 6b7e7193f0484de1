using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

/// <summary>
/// Brings a person through the pages to the stage a form needs: enrolled, assessed (training), released
/// (mentoring at the Bapas). Each step goes through its form, as staff would. The tests of a class share one app
/// (<see cref="FeatureApp"/>), so each test enrols a person of its own.
/// </summary>
internal static class PersonPages
{
    /// <summary>A 1×1 PNG: a valid photo, as small as one gets.</summary>
    public static UploadedFile Png { get; } = new("tenun.png", "image/png", Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));

    /// <summary>Text that claims to be a PNG.</summary>
    public static UploadedFile NotAnImage { get; } = new("catatan.png", "image/png", "just some notes"u8.ToArray());

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Enrols a person at Lapas Perempuan Kupang and waits until the assessment form is there.</summary>
    public static async Task<string> EnrolledAsync(StaffSession lapas, string registrationNumber)
    {
        var caseId = await CasePageTests.EnrolAsync(lapas, registrationNumber);
        await CasePageTests.WaitForAsync(lapas, caseId, page => page.QuerySelector("form#assessment") is not null
            && page.QuerySelector("ol.stages li.current")?.TextContent == "Asesmen potensi dan minat");
        return caseId;
    }

    /// <summary>An enrolled and assessed person, in training (the release form is there).</summary>
    public static async Task<string> InTrainingAsync(StaffSession lapas, string registrationNumber)
    {
        var caseId = await EnrolledAsync(lapas, registrationNumber);
        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#assessment",
            ("Assessment.Interests", "TenunWeaving"), ("Assessment.Education", "Primary"),
            ("Assessment.CanReadWrite", "true"), ("Assessment.PreferredBusiness", "Crafts"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await CasePageTests.WaitForAsync(lapas, caseId, page => page.QuerySelector("form#release") is not null);
        return caseId;
    }

    /// <summary>A person released today at the end of the sentence, now mentored by the Bapas Kupang (the follow-up form is there for <paramref name="bapas"/>).</summary>
    public static async Task<string> ReleasedAsync(StaffSession lapas, StaffSession bapas, string registrationNumber, string? mentor = null)
    {
        var caseId = await InTrainingAsync(lapas, registrationNumber);
        (string, string)[] fields = [("Release.Kind", "EndOfSentence"), ("Release.Date", Date(Today)), .. mentor is null ? [] : new[] { ("Release.Mentor", mentor) }];
        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#release", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await WaitForVisibleAsync(bapas, caseId, page => page.QuerySelector("form#follow-up") is not null);
        return caseId;
    }

    /// <summary>Reloads the person page until <paramref name="ready"/> holds; a 404 while the case is still moving to the staff member's office counts as not ready.</summary>
    public static async Task<IHtmlDocument> WaitForVisibleAsync(StaffSession session, string caseId, Func<IHtmlDocument, bool> ready)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
        while (true)
        {
            var (response, page) = await session.GetAsync($"/kasus/{caseId}");
            if (response.StatusCode == HttpStatusCode.OK && ready(page))
            {
                return page;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page of {caseId} did not reach the expected state ({response.StatusCode}): {page.QuerySelector("ol.stages")?.TextContent}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>GETs JSON from the API with the session's cookie.</summary>
    public static Task<JsonElement> JsonAsync(StaffSession session, string path) => session.Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The actions on the case's timeline (the audit log), oldest first.</summary>
    public static async Task<List<string>> TimelineActionsAsync(StaffSession session, string caseId) =>
        [.. (await JsonAsync(session, $"/api/cases/{caseId}/timeline")).EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];

    /// <summary>The confirmation shown after a post-redirect-get.</summary>
    public static string? Saved(IHtmlDocument page) => page.QuerySelector(".saved")?.TextContent.Trim();

    /// <summary>The message above the form that failed.</summary>
    public static string? FormError(IHtmlDocument page) => page.QuerySelector("p.error")?.TextContent.Trim();
}
