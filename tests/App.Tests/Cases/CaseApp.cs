using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// The app with the demo staff and the programme's own durations (an assessment is due in 14 days, follow-ups every
/// 30 days), for the case API's tests; with helpers that enrol people and wait for their pipelines.
/// </summary>
public class CaseApp : FeatureApp
{
    /// <summary>An enrolment body for a new registration number at <paramref name="officeCode"/>.</summary>
    /// <param name="registrationPrefix">The start of the registration number (it ends in random digits).</param>
    public static Dictionary<string, object?> Enrollment(string officeCode = Offices.LppKupang, DateOnly? expectedRelease = null, string registrationPrefix = "WBP-") => new()
    {
        ["officeCode"] = officeCode,
        ["registrationNumber"] = registrationPrefix + RandomNumberGenerator.GetHexString(8),
        ["fullName"] = "Maria, \"Ina\" Bui",
        ["nik"] = "5371014101900001",
        ["expectedReleaseDate"] = (expectedRelease ?? Today.AddDays(60)).ToString("yyyy-MM-dd"),
        ["consent"] = new { recordedBy = "lapas.kupang", recordedAt = DateTimeOffset.UtcNow, scope = new[] { "Programme", "ShareWithMentors", "ShareWithFinancingPartners", "ProductPromotion" } },
    };

    public static object Assessment => new
    {
        interests = new[] { "Batik", "Sewing" },
        priorSkills = new[] { "Sewing" },
        education = "JuniorSecondary",
        canReadWrite = true,
        preferredBusiness = "Fashion",
    };

    /// <summary>Today at Lapas Perempuan Kupang and Bapas Kupang (WITA), where the cases of these tests are: staff date actions by their office's calendar.</summary>
    public static DateOnly Today => Offices.LocalDate(Offices.LppKupang, DateTimeOffset.UtcNow);

    /// <summary>Enrols a person and returns the case id, checking the 201.</summary>
    public static async Task<string> EnrolAsync(HttpClient client, Dictionary<string, object?>? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", body ?? Enrollment());
        Assert.True(HttpStatusCode.Created == response.StatusCode, $"Enrolment: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("caseId").GetString()!;
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location?.OriginalString);
        return caseId;
    }

    /// <summary>POSTs and checks the status.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"POST {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The actions on the case's timeline, oldest first.</summary>
    public static async Task<List<string>> TimelineActionsAsync(HttpClient client, string caseId)
    {
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline");
        return [.. timeline.EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];
    }

    /// <summary>Waits until <paramref name="client"/>'s notifications include one of <paramref name="kind"/> about <paramref name="caseId"/>.</summary>
    public static async Task<JsonElement> WaitForNotificationAsync(HttpClient client, string kind, string caseId)
    {
        var list = await TestApp.WaitForJsonAsync(client, "/api/notifications",
            list => list.EnumerateArray().Any(n => IsAbout(n, kind, caseId)), $"a {kind} notification about {caseId}");
        return list.EnumerateArray().First(n => IsAbout(n, kind, caseId));
    }

    /// <summary>The case record's row, read from the table (no audit entry).</summary>
    public async Task<TableEntity?> RecordAsync(string caseId)
    {
        var row = await Table(CaseTables.Cases).GetEntityIfExistsAsync<TableEntity>(caseId, caseId);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Waits until the case record is at <paramref name="stage"/>.</summary>
    public Task<TableEntity> WaitForStageAsync(string caseId, PipelineStage stage) =>
        WaitForRecordAsync(caseId, row => row.GetString("Stage") == stage.ToString(), $"stage {stage}");

    /// <summary>Waits until the case record satisfies <paramref name="condition"/>.</summary>
    public async Task<TableEntity> WaitForRecordAsync(string caseId, Func<TableEntity, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
        while (true)
        {
            var row = await RecordAsync(caseId);
            if (row is not null && condition(row))
            {
                return row;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Case {caseId} did not reach {what} within {TestApp.WaitLimit}; stage {row?.GetString("Stage")}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the case's pipeline has ended, and returns it with its output.</summary>
    public Task<OrchestrationMetadata> WaitForCompletionAsync(string caseId) => App.WaitForCompletionAsync(caseId);

    /// <summary>Enrols a person, records the assessment and waits until the case is in training.</summary>
    public async Task<string> AssessedCaseAsync(HttpClient lapas)
    {
        var caseId = await EnrolAsync(lapas);
        await WaitForStageAsync(caseId, PipelineStage.Assessment);
        await PostAsync(lapas, $"/api/cases/{caseId}/assessment", Assessment, HttpStatusCode.Accepted);
        await WaitForStageAsync(caseId, PipelineStage.Training);
        return caseId;
    }

    private static bool IsAbout(JsonElement notification, string kind, string caseId) =>
        notification.GetProperty("kind").GetString() == kind && notification.GetProperty("caseId").GetString() == caseId;
}
