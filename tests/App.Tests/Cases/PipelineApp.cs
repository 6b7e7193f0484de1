using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Cases;
using PepFunctions.App.Tests.Training;
using PepFunctions.Domain;
using PepFunctions.Durable;

using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// The app with the demo staff and a pipeline shortened to seconds: assessment deadline 30 s, two follow-ups
/// 2 s apart with a 1 s reminder lead and grace, one month of sales to graduate, programme period 20 s.
/// Later settings override these. Deletes its hub's tables on dispose.
/// </summary>
internal sealed class PipelineApp : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private static readonly string[] FastPipeline =
    [
        "--Pipeline:AssessmentDeadline=00:00:30",
        "--Pipeline:FollowUpInterval=00:00:02",
        "--Pipeline:FollowUpCount=2",
        "--Pipeline:ReminderLead=00:00:01",
        "--Pipeline:GracePeriod=00:00:01",
        "--Pipeline:ProgrammePeriod=00:00:20",
        "--Pipeline:GraduationMonths=1",
        "--Notifications:PollInterval=00:00:00.100",
        "--Notifications:FirstRetryDelay=00:00:00.100",
    ];

    private PipelineApp(FeatureApp app) => App = app;

    public FeatureApp App { get; }

    public static async Task<PipelineApp> StartAsync(params string[] settings) => new(await FeatureApp.StartAsync([.. FastPipeline, .. settings]));

    public Task<HttpClient> SignInAsync(string username) => App.SignInAsync(username);

    /// <summary>An enrolment body for a new registration number at <paramref name="officeCode"/>.</summary>
    public static Dictionary<string, object?> Enrollment(string officeCode = Offices.LppKupang, DateOnly? expectedRelease = null) => new()
    {
        ["officeCode"] = officeCode,
        ["registrationNumber"] = "WBP-" + RandomNumberGenerator.GetHexString(8),
        ["fullName"] = "Maria, \"Ina\" Bui",
        ["nik"] = "5371014101900001",
        ["expectedReleaseDate"] = (expectedRelease ?? Today.AddDays(60)).ToString("yyyy-MM-dd"),
        ["consent"] = new { recordedBy = "lapas.kupang", recordedAt = DateTimeOffset.UtcNow, scope = new[] { "Programme", "ShareWithMentors" } },
    };

    public static object Assessment => new
    {
        interests = new[] { "Batik", "Sewing" },
        priorSkills = new[] { "Sewing" },
        education = "JuniorSecondary",
        canReadWrite = true,
        preferredBusiness = "Fashion",
    };

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Enrols a person and returns the case id, checking the 201.</summary>
    public static async Task<string> EnrolAsync(HttpClient client, Dictionary<string, object?>? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", body ?? Enrollment());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("caseId").GetString()!;
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location?.OriginalString);
        return caseId;
    }

    /// <summary>POSTs and checks the status.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"POST {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The case record's row, read from the table (no audit entry).</summary>
    public async Task<TableEntity?> RecordAsync(string caseId)
    {
        var row = await App.Table(CaseTables.Cases).GetEntityIfExistsAsync<TableEntity>(caseId, caseId);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Waits until the case record is at <paramref name="stage"/>.</summary>
    public Task<TableEntity> WaitForStageAsync(string caseId, PipelineStage stage) =>
        WaitForRecordAsync(caseId, row => row.GetString("Stage") == stage.ToString(), $"stage {stage}");

    /// <summary>Waits until the case record satisfies <paramref name="condition"/>.</summary>
    public async Task<TableEntity> WaitForRecordAsync(string caseId, Func<TableEntity, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var row = await RecordAsync(caseId);
            if (row is not null && condition(row))
            {
                return row;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Case {caseId} did not reach {what} within {WaitLimit}; stage {row?.GetString("Stage")}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="client"/>'s notifications include one of <paramref name="kind"/> about <paramref name="caseId"/>.</summary>
    public static async Task<JsonElement> WaitForNotificationAsync(HttpClient client, string kind, string caseId)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/notifications");
            foreach (var item in list.EnumerateArray())
            {
                if (item.GetProperty("kind").GetString() == kind && item.GetProperty("caseId").GetString() == caseId)
                {
                    return item;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {kind} notification about {caseId} within {WaitLimit}: {list}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The instance's status, from the runtime.</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string caseId)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await App.App.Services.GetRequiredService<DurableTaskClient>().WaitForCompletionAsync(caseId, cancellationToken: timeout.Token);
    }

    /// <summary>The actions on the case's timeline, oldest first.</summary>
    public static async Task<List<string>> TimelineActionsAsync(HttpClient client, string caseId)
    {
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline");
        return [.. timeline.EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
