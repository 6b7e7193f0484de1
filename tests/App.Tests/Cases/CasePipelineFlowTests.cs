using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary>Whole pipelines over HTTP on the local runner, with durations in seconds.</summary>
public sealed class CasePipelineFlowTests(PipelineApp app) : IClassFixture<PipelineApp>
{
    [Fact]
    public async Task Pipeline_EnrolmentToSales_Graduates()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");

        // Expected release today: once assessed, the pipeline releases the person itself.
        var caseId = await CaseApp.EnrolAsync(lapas, CaseApp.Enrollment(expectedRelease: CaseApp.Today));
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var assessed = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        Assert.Equal("Sewing", assessed.GetProperty("recommendedTracks")[0].GetString());

        var released = await app.WaitForRecordAsync(caseId, r => r.GetString("Stage") == "Mentoring" && r.GetInt32("NextFollowUp") == 1, "follow-up 1");
        Assert.Equal((Offices.BapasKupang, "pk.kupang", "EndOfSentence"), (released.GetString("OfficeCode"), released.GetString("MentorUsername"), released.GetString("ReleaseKind")));
        await CaseApp.PostAsync(pk, $"/api/cases/{caseId}/follow-ups/1", Visit(), HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 2, "follow-up 2");
        await CaseApp.PostAsync(pk, $"/api/cases/{caseId}/follow-ups/2", Visit(), HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetString("NextDue") == "programme end", "marketing");

        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using (var sales = await pk.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month, salesRupiah = 1_500_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, sales.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(caseId);
        Assert.True(PipelineStage.Graduated == done.ReadOutputAs<CaseOutcome>()?.Stage, $"{done.RuntimeStatus} {done.SerializedOutput}");
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.True("Graduated" == record.GetProperty("progress").GetProperty("stage").GetString(), await pk.GetStringAsync($"/api/cases/{caseId}/timeline"));
        Assert.Equal(["Done", "Done"], record.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("state").GetString()));
        var actions = await CaseApp.TimelineActionsAsync(pk, caseId);
        string[] milestones = ["Enrolled", "AssessmentRecorded", "Released", "FollowUpRecorded", "Closed", "Viewed"];
        Assert.Equal(
            ["Enrolled", "AssessmentRecorded", "Released", "FollowUpRecorded", "FollowUpRecorded", "Closed", "Viewed"],
            actions.Where(milestones.Contains));
    }

    [Fact]
    public async Task Pipeline_FollowUpMissed_EscalatesToTheMentorsSupervisor()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var mentor = await app.SignInAsync("mentor.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release",
            new { kind = "EndOfSentence", date = CaseApp.Today, mentor = "mentor.kupang" }, HttpStatusCode.Accepted);

        var reminder = await CaseApp.WaitForNotificationAsync(mentor, "FollowUpReminder", caseId);
        var escalation = await CaseApp.WaitForNotificationAsync(pk, "FollowUpOverdue", caseId);
        Assert.Equal(1, reminder.GetProperty("followUp").GetInt32());
        Assert.Equal(1, escalation.GetProperty("followUp").GetInt32());
        Assert.DoesNotContain("Maria", escalation.GetProperty("text").GetString(), StringComparison.Ordinal);
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("Overdue", record.GetProperty("followUps")[0].GetProperty("state").GetString());
        var due = await pk.GetFromJsonAsync<JsonElement>($"/api/follow-ups?office={Offices.BapasKupang}");
        Assert.Contains(due.EnumerateArray(), f => f.GetProperty("caseId").GetString() == caseId && f.GetProperty("sequence").GetInt32() == 1
            && f.GetProperty("state").GetString() == "Overdue");
        Assert.Contains("FollowUpOverdue", await CaseApp.TimelineActionsAsync(pk, caseId));
    }

    [Fact]
    public async Task Pipeline_WithdrawnDuringAssessment_EndsWithdrawn()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/withdrawal", new { reason = "ConsentWithdrawn", note = "Asked in writing" }, HttpStatusCode.Accepted);

        var done = await app.WaitForCompletionAsync(caseId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new CaseOutcome(PipelineStage.Withdrawn, "ConsentWithdrawn"), done.ReadOutputAs<CaseOutcome>());
        var record = await app.WaitForStageAsync(caseId, PipelineStage.Withdrawn);
        Assert.Equal(("Withdrawn", "Asked in writing"), (record.GetString("Outcome"), record.GetString("WithdrawalNote")));
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Pipeline_AssessmentLate_RemindsTheLapasOfficers()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);

        var reminder = await CaseApp.WaitForNotificationAsync(lapas, "AssessmentOverdue", caseId);

        Assert.Contains(caseId, reminder.GetProperty("text").GetString(), StringComparison.Ordinal);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
    }

    private static object Visit() => new { date = CaseApp.Today, mode = "InPerson", businessStatus = "Running", incomeBand = "From1To3M", notes = "Selling woven cloth at the market" };
}
