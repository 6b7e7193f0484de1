using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary><see cref="CaseApp"/> with follow-ups an hour apart (so none comes during a test) and one month of sales to graduate.</summary>
public sealed class EarlyGraduationApp : CaseApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        Set("Pipeline:FollowUpInterval", "01:00:00"),
        Set("Pipeline:FollowUpCount", "3"),
        Set("Pipeline:ReminderLead", "00:10:00"),
        Set("Pipeline:GracePeriod", "00:10:00"),
        Set("Pipeline:GraduationMonths", "1"),
    ];
}

/// <summary>Sales graduate the person as soon as the rule is met, during mentoring; the case's open follow-ups close with it.</summary>
public sealed class EarlyGraduationTests(EarlyGraduationApp app) : IClassFixture<EarlyGraduationApp>
{
    [Fact]
    public async Task Sales_DuringMentoring_GraduateAtOnceAndCloseTheOpenFollowUps()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release", new { kind = "EndOfSentence", date = CaseApp.Today }, HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetString("Stage") == "Mentoring" && r.GetInt32("NextFollowUp") == 1, "follow-up 1");

        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using (var sales = await pk.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month, salesRupiah = 1_500_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, sales.StatusCode);
        }

        // Before: the pipeline checked only after follow-up 1, an hour away.
        var done = await app.WaitForCompletionAsync(caseId);
        Assert.Equal(PipelineStage.Graduated, done.ReadOutputAs<CaseOutcome>()?.Stage);
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Empty(record.GetProperty("followUps").EnumerateArray());
        var due = await pk.GetFromJsonAsync<JsonElement>("/api/follow-ups?window=366");
        Assert.DoesNotContain(due.EnumerateArray(), f => f.GetProperty("caseId").GetString() == caseId);
        var rows = await app.PartitionAsync("FollowUps", caseId);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(r.GetDateTimeOffset("ClosedAt")));
    }
}
