using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Cases;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Tests.Cases;

/// <summary>Whole pipelines over HTTP, with durations in seconds.</summary>
public sealed class CasePipelineFlowTests
{
    [Fact]
    public async Task Pipeline_EnrolmentToSales_Graduates()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");

        // Expected release today: once assessed, the pipeline releases the person itself.
        var caseId = await PipelineApp.EnrolAsync(lapas, PipelineApp.Enrollment(expectedRelease: PipelineApp.Today));
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var assessed = await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Accepted);
        Assert.Equal("Sewing", assessed.GetProperty("recommendedTracks")[0].GetString());

        var released = await app.WaitForRecordAsync(caseId, r => r.GetString("Stage") == "Mentoring" && r.GetInt32("NextFollowUp") == 1, "follow-up 1");
        Assert.Equal((Offices.BapasKupang, "pk.kupang", "EndOfSentence"), (released.GetString("OfficeCode"), released.GetString("MentorUsername"), released.GetString("ReleaseKind")));
        await PipelineApp.PostAsync(pk, $"/api/cases/{caseId}/follow-ups/1", Visit(), HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 2, "follow-up 2");
        await PipelineApp.PostAsync(pk, $"/api/cases/{caseId}/follow-ups/2", Visit(), HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetString("NextDue") == "programme end", "marketing");

        await RecordSalesAsync(app, caseId, 1_500_000);

        var done = await app.WaitForCompletionAsync(caseId);
        Assert.True(PipelineStage.Graduated == done.ReadOutputAs<CaseOutcome>()!.Stage, $"{done.Status} {done.SerializedOutput}");
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.True("Graduated" == record.GetProperty("progress").GetProperty("stage").GetString(), await pk.GetStringAsync($"/api/cases/{caseId}/timeline"));
        Assert.Equal(["Done", "Done"], record.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("state").GetString()));
        var actions = await PipelineApp.TimelineActionsAsync(pk, caseId);
        string[] milestones = ["Enrolled", "AssessmentRecorded", "Released", "FollowUpRecorded", "Closed", "Viewed"];
        Assert.Equal(
            ["Enrolled", "AssessmentRecorded", "Released", "FollowUpRecorded", "FollowUpRecorded", "Closed", "Viewed"],
            actions.Where(milestones.Contains));
    }

    [Fact]
    public async Task Pipeline_FollowUpMissed_EscalatesToTheMentorsSupervisor()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var mentor = await app.SignInAsync("mentor.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await AssessedCaseAsync(app, lapas);

        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/release",
            new { kind = "EndOfSentence", date = PipelineApp.Today, mentor = "mentor.kupang" }, HttpStatusCode.Accepted);

        var reminder = await PipelineApp.WaitForNotificationAsync(mentor, "FollowUpReminder", caseId);
        var escalation = await PipelineApp.WaitForNotificationAsync(pk, "FollowUpOverdue", caseId);
        Assert.Equal(1, reminder.GetProperty("followUp").GetInt32());
        Assert.Equal(1, escalation.GetProperty("followUp").GetInt32());
        Assert.DoesNotContain("Maria", escalation.GetProperty("text").GetString(), StringComparison.Ordinal);
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("Overdue", record.GetProperty("followUps")[0].GetProperty("state").GetString());
        var due = await pk.GetFromJsonAsync<JsonElement>($"/api/follow-ups?office={Offices.BapasKupang}");
        Assert.Contains(due.EnumerateArray(), f => f.GetProperty("caseId").GetString() == caseId && f.GetProperty("sequence").GetInt32() == 1
            && f.GetProperty("state").GetString() == "Overdue");
        Assert.Contains("FollowUpOverdue", await PipelineApp.TimelineActionsAsync(pk, caseId));
    }

    [Fact]
    public async Task Pipeline_EarlyParoleRelease_MovesToBapasWithFollowUpsUntilSupervisionEnds()
    {
        await using var app = await PipelineApp.StartAsync("--Pipeline:FollowUpInterval=30.00:00:00", "--Pipeline:ReminderLead=3.00:00:00", "--Pipeline:GracePeriod=7.00:00:00");
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await AssessedCaseAsync(app, lapas);
        var sentenceEnd = PipelineApp.Today.AddDays(100);

        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/release", new { kind = "Parole", date = PipelineApp.Today, sentenceEnd }, HttpStatusCode.Accepted);

        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 1, "follow-up 1");
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var release = record.GetProperty("release");
        var supervisionEnd = new DateTimeOffset(sentenceEnd.AddYears(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(("Parole", supervisionEnd), (release.GetProperty("kind").GetString(), release.GetProperty("supervisionEnd").GetDateTimeOffset()));
        Assert.Equal((Offices.BapasKupang, "pk.kupang"), (record.GetProperty("officeCode").GetString(), record.GetProperty("mentor").GetString()));
        var releasedAt = release.GetProperty("releasedAt").GetDateTimeOffset();
        var expected = FollowUpSchedule.CreateTimes(releasedAt, ReleaseKind.Parole, supervisionEnd, new MentoringOptions { FollowUpInterval = TimeSpan.FromDays(30) });
        Assert.Equal(expected, record.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.True(expected.Count >= 15, $"{expected.Count} follow-ups");

        using var lapasView = await lapas.GetAsync($"/api/cases/{caseId}");
        Assert.Equal(HttpStatusCode.NotFound, lapasView.StatusCode);
        var bapasList = await pk.GetFromJsonAsync<JsonElement>($"/api/cases?office={Offices.BapasKupang}");
        Assert.Contains(bapasList.EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        var lapasList = await lapas.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.DoesNotContain(lapasList.EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
    }

    [Fact]
    public async Task Pipeline_WithdrawnDuringAssessment_EndsWithdrawn()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/withdrawal", new { reason = "ConsentWithdrawn", note = "Asked in writing" }, HttpStatusCode.Accepted);

        var done = await app.WaitForCompletionAsync(caseId);
        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.Equal(new CaseOutcome(PipelineStage.Withdrawn, "ConsentWithdrawn"), done.ReadOutputAs<CaseOutcome>());
        var record = await app.WaitForStageAsync(caseId, PipelineStage.Withdrawn);
        Assert.Equal(("Withdrawn", "Asked in writing"), (record.GetString("Outcome"), record.GetString("WithdrawalNote")));
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Pipeline_AssessmentLate_RemindsTheLapasOfficers()
    {
        await using var app = await PipelineApp.StartAsync("--Pipeline:AssessmentDeadline=00:00:01");
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await PipelineApp.EnrolAsync(lapas);

        var reminder = await PipelineApp.WaitForNotificationAsync(lapas, "AssessmentOverdue", caseId);

        Assert.Contains(caseId, reminder.GetProperty("text").GetString(), StringComparison.Ordinal);
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
    }

    private static async Task<string> AssessedCaseAsync(PipelineApp app, HttpClient lapas)
    {
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        return caseId;
    }

    private static object Visit() => new { date = PipelineApp.Today, mode = "InPerson", businessStatus = "Running", incomeBand = "From1To3M", notes = "Selling woven cloth at the market" };

    /// <summary>Records sales as the marketing feature does: a row in <c>{hub}Sales</c> (case id, yyyy-MM, SalesRupiah), then the event.</summary>
    private static async Task RecordSalesAsync(PipelineApp app, string caseId, long rupiah)
    {
        var sales = app.App.Table(CheckGraduation.SalesTable);
        await sales.CreateIfNotExistsAsync();
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await sales.UpsertEntityAsync(new TableEntity(caseId, month) { [CheckGraduation.SalesRupiahProperty] = rupiah });
        await app.App.App.Services.GetRequiredService<DurableTaskClient>().RaiseEventAsync(caseId, CaseEvents.SalesRecorded, new SalesRecorded("pk.kupang"));
    }
}
