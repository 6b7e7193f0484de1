using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Cases;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Tests.Cases;

/// <summary>The case API's answers to staff: access, bad input, conflicts, exports.</summary>
public sealed class CasesApiTests
{
    [Fact]
    public async Task Enrol_Valid_StoresTheRecordAndStartsThePipeline()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");

        var body = PipelineApp.Enrollment();
        var caseId = await PipelineApp.EnrolAsync(lapas, body);

        Assert.Equal(CaseIds.For(Offices.LppKupang, (string)body["registrationNumber"]!), caseId);
        var record = await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        Assert.Equal(("Maria, \"Ina\" Bui", "5371014101900001", "lapas.kupang"), (record.GetString("FullName"), record.GetString("Nik"), record.GetString("CreatedBy")));
        // The stage is written by an activity inside the pipeline's first step; the instance shows Running once that step commits.
        var shown = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        for (var i = 0; i < 100 && shown.GetProperty("progress").GetProperty("runtimeStatus").GetString() != "Running"; i++)
        {
            await Task.Delay(50);
            shown = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        }

        Assert.Equal(["Programme", "ShareWithMentors"], shown.GetProperty("consent").GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Running", shown.GetProperty("progress").GetProperty("runtimeStatus").GetString());
        Assert.Contains("Viewed", await PipelineApp.TimelineActionsAsync(lapas, caseId));
    }

    [Fact]
    public async Task Enrol_SamePersonTwice_Returns409()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = PipelineApp.Enrollment();
        await PipelineApp.EnrolAsync(lapas, body);

        await PipelineApp.PostAsync(lapas, "/api/cases", body, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Enrol_BadFields_Returns400NamingThemAndStoresNothing()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = PipelineApp.Enrollment();
        body["fullName"] = " ";
        body["nik"] = "12345";
        body["expectedReleaseDate"] = null;

        var problem = await PipelineApp.PostAsync(lapas, "/api/cases", body, HttpStatusCode.BadRequest);

        Assert.Equal(["expectedReleaseDate", "fullName", "nik"], Fields(problem));
        Assert.Empty(await app.App.RowsAsync(CaseTables.Cases));
        Assert.Equal(0, await app.App.App.CountInstancesAsync());
    }

    [Theory]
    [InlineData("{\"officeCode\":\"LPP-KUPANG\",\"consent\":{\"scope\":[\"Everything\"]}}", "consent.scope[0]")]
    [InlineData("{\"officeCode\":\"LPP-KUPANG\",\"expectedReleaseDate\":\"soon\"}", "expectedReleaseDate")]
    [InlineData("", "body")]
    [InlineData("[1]", "body")]
    public async Task Enrol_UnreadableValue_Returns400NamingIt(string json, string field)
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], Fields(await response.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Empty(await app.App.RowsAsync(CaseTables.Cases));
    }

    [Fact]
    public async Task Actions_BadInput_Return400NamingTheFieldAndChangeNothing()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var path = $"/api/cases/{caseId}";

        (HttpClient Client, string Path, object Body, string[] Fields)[] cases =
        [
            (lapas, $"{path}/assessment", new { interests = new[] { "Batik" }, canReadWrite = true }, ["education", "preferredBusiness"]),
            (lapas, $"{path}/assessment", new { priorSkills = new[] { "Batik" }, education = "None", canReadWrite = false, preferredBusiness = "Food" }, ["interests"]),
            (lapas, $"{path}/release", new { kind = "Parole", date = PipelineApp.Today }, ["sentenceEnd"]),
            (lapas, $"{path}/release", new { kind = "EndOfSentence", date = PipelineApp.Today.AddDays(1) }, ["date"]),
            (lapas, $"{path}/release", new { kind = "EndOfSentence", date = PipelineApp.Today, mentor = "lapas.tangerang" }, ["mentor"]),
            (lapas, $"{path}/release", new { kind = "Parol", date = PipelineApp.Today }, ["kind"]),
            (pk, $"{path}/follow-ups/1", new { date = PipelineApp.Today.AddDays(1), mode = "Phone", businessStatus = "Running", incomeBand = "None" }, ["date"]),
            (pk, $"{path}/follow-ups/1", new { date = PipelineApp.Today }, ["businessStatus", "incomeBand", "mode"]),
            (pk, $"{path}/follow-ups/0", new { date = PipelineApp.Today, mode = "Phone", businessStatus = "Running", incomeBand = "None" }, ["seq"]),
            (lapas, $"{path}/withdrawal", new { note = "no reason" }, ["reason"]),
            (lapas, $"{path}/withdrawal", new { reason = "Bored" }, ["reason"]),
            (lapas, $"{path}/withdrawal", new { reason = "Death", note = new string('x', 2001) }, ["note"]),
            (admin, $"{path}/transfer", new { officeCode = "" }, ["officeCode"]),
            (admin, $"{path}/transfer", new { officeCode = "LAPAS-MARS" }, ["officeCode"]),
            (admin, $"{path}/transfer", new { officeCode = Offices.BapasKupang }, ["officeCode"]),
        ];
        foreach (var (client, target, body, fields) in cases)
        {
            var problem = await PipelineApp.PostAsync(client, target, body, HttpStatusCode.BadRequest);
            Assert.True(fields.SequenceEqual(Fields(problem)), $"POST {target} {JsonSerializer.Serialize(body)}: {problem}");
        }

        Assert.Equal(["Enrolled", "StageChanged"], await PipelineApp.TimelineActionsAsync(lapas, caseId));
        var record = await app.RecordAsync(caseId);
        Assert.Equal((Offices.LppKupang, null, null, null), (record!.GetString("OfficeCode"), record.GetString("AssessmentJson"), record.GetString("ReleaseKind"), record.GetString("WithdrawalReason")));
    }

    [Theory]
    [InlineData("/api/cases?stage=Flying", "stage")]
    [InlineData("/api/cases?office=NOWHERE", "office")]
    [InlineData("/api/cases.csv?stage=Flying", "stage")]
    [InlineData("/api/follow-ups?window=soon", "window")]
    [InlineData("/api/follow-ups.csv?window=-1", "window")]
    public async Task Lists_BadFilter_Return400NamingIt(string path, string field)
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], Fields(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Cases_AnotherOfficesCase_IsRefused()
    {
        await using var app = await PipelineApp.StartAsync();
        var kupang = await app.SignInAsync("lapas.kupang");
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var caseId = await PipelineApp.EnrolAsync(kupang);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        Assert.Equal(HttpStatusCode.NotFound, (await tangerang.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tangerang.GetAsync($"/api/cases/{caseId}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tangerang.GetAsync($"/api/cases?office={Offices.LppKupang}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tangerang.GetAsync($"/api/follow-ups?office={Offices.BapasKupang}")).StatusCode);
        await PipelineApp.PostAsync(tangerang, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.NotFound);
        await PipelineApp.PostAsync(tangerang, $"/api/cases/{caseId}/withdrawal", new { reason = "Death" }, HttpStatusCode.NotFound);
        await PipelineApp.PostAsync(tangerang, "/api/cases", PipelineApp.Enrollment(Offices.LppKupang), HttpStatusCode.Forbidden);
        var own = await tangerang.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Empty(own.EnumerateArray());
        Assert.DoesNotContain(caseId, await tangerang.GetStringAsync("/api/cases.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("Viewed", await PipelineApp.TimelineActionsAsync(kupang, caseId));
    }

    [Fact]
    public async Task Cases_RoleNotAllowed_Returns403()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var kanwil = await app.SignInAsync("kanwil.ntt");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        await PipelineApp.PostAsync(kanwil, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Forbidden);
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LpKupang }, HttpStatusCode.Forbidden);
        await PipelineApp.PostAsync(kanwil, "/api/cases", PipelineApp.Enrollment(Offices.LppKupang), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Transfer_KanwilWithinProvince_MovesRecordAndSummary()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var kanwil = await app.SignInAsync("kanwil.ntt");
        var banten = await app.SignInAsync("kanwil.banten");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        await PipelineApp.PostAsync(banten, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LppTangerang }, HttpStatusCode.NotFound);
        var moved = await PipelineApp.PostAsync(kanwil, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LpKupang }, HttpStatusCode.OK);

        Assert.Equal(Offices.LpKupang, moved.GetProperty("officeCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await lapas.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var summaries = await app.App.RowsAsync(CaseTables.CasesByOffice);
        Assert.Equal([Offices.LpKupang], summaries.Where(s => s.RowKey == caseId).Select(s => s.PartitionKey));
        Assert.Contains("Transferred", await PipelineApp.TimelineActionsAsync(kanwil, caseId));
    }

    [Fact]
    public async Task Assessment_NotAtAssessmentStage_Returns409()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Accepted);

        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Conflict);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/follow-ups/1",
            new { date = PipelineApp.Today, mode = "Phone", businessStatus = "Running", incomeBand = "None" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_AssessedCase_ReturnsTheAssessmentWithItsRankedReasons()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var before = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("assessment").ValueKind);

        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", new
        {
            interests = new[] { "Batik", "UpcycledFurniture" },
            priorSkills = new[] { "Sewing" },
            education = "Primary",
            canReadWrite = false,
            healthConstraint = "asma berat",
            familyConstraint = "dua anak kecil",
            preferredBusiness = "Crafts",
        }, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        var shown = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

        var assessment = shown.GetProperty("assessment");
        Assert.Equal(("asma berat", "dua anak kecil", "Crafts", "lapas.kupang"), (
            assessment.GetProperty("healthConstraint").GetString(), assessment.GetProperty("familyConstraint").GetString(),
            assessment.GetProperty("preferredBusiness").GetString(), assessment.GetProperty("recordedBy").GetString()));
        var recommendations = assessment.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<TrainingTrack>().Length, recommendations.Count);
        Assert.Equal(("Batik", 60), (recommendations[0].GetProperty("track").GetString(), recommendations[0].GetProperty("score").GetInt32()));
        var furniture = recommendations.Single(r => r.GetProperty("track").GetString() == "UpcycledFurniture");
        Assert.Equal(
            [("Interest", 40), ("BusinessFit", 20), ("PhysicallyDemanding", -20)],
            furniture.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("points").GetInt32())));
        Assert.Equal(["Batik", "UpcycledFurniture", "Sewing"], shown.GetProperty("recommendedTracks").EnumerateArray().Select(t => t.GetString()));

        // Personal data stays in the case record: not on the timeline, not in the pipeline's history.
        var timeline = await lapas.GetStringAsync($"/api/cases/{caseId}/timeline");
        var history = await app.App.App.Services.GetRequiredService<DurableTaskClient>().GetHistoryAsync(caseId);
        Assert.Contains(history, e => e is EventRaised { Name: CaseEvents.AssessmentRecorded });
        Assert.Contains("AssessmentRecorded", timeline, StringComparison.Ordinal);
        Assert.All(new[] { timeline, JsonSerializer.Serialize(history) }, text =>
        {
            Assert.DoesNotContain("asma", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("anak kecil", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Timeline_Entries_CarryTheValuesTheirDetailIsMadeOf()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await PipelineApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", PipelineApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        var shown = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

        var timeline = (await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline")).EnumerateArray().ToList();

        var enrolled = Parameters(timeline.Single(e => e.GetProperty("action").GetString() == "Enrolled"));
        Assert.Equal(Offices.LppKupang, enrolled["office"]);
        Assert.Equal("Programme,ShareWithMentors", enrolled["consent"]);
        var stages = timeline.Where(e => e.GetProperty("action").GetString() == "StageChanged").Select(Parameters).ToList();
        var assessment = stages.Single(p => p["stage"] == "Assessment");
        Assert.Equal("assessment", assessment["nextDue"]);
        Assert.True(DateTimeOffset.TryParse(assessment["dueAt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueAt) && dueAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Contains(stages, p => p["stage"] == "Training" && p["nextDue"] == "release");
        var recorded = timeline.Single(e => e.GetProperty("action").GetString() == "AssessmentRecorded");
        Assert.Equal(
            string.Join(",", shown.GetProperty("recommendedTracks").EnumerateArray().Select(t => t.GetString())),
            Parameters(recorded)["tracks"]);
        Assert.StartsWith("Recommended: Sewing", recorded.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Parameters(timeline.First(e => e.GetProperty("action").GetString() == "Viewed")));
    }

    [Fact]
    public async Task CasesCsv_VisibleCases_ListsThemEscaped()
    {
        await using var app = await PipelineApp.StartAsync();
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await PipelineApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        using var response = await lapas.GetAsync("/api/cases.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("caseId,officeCode,registrationNumber,name,stage,nextDue,nextDueAt,mentor,updatedAt", lines[0]);
        Assert.StartsWith($"{caseId},{Offices.LppKupang},", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"Maria, \"\"Ina\"\" Bui\",", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/cases")]
    [InlineData("POST", "/api/cases")]
    [InlineData("GET", "/api/cases/case-lpp-kupang-x")]
    [InlineData("POST", "/api/cases/case-lpp-kupang-x/withdrawal")]
    [InlineData("GET", "/api/cases.csv")]
    [InlineData("GET", "/api/follow-ups")]
    [InlineData("GET", "/api/notifications")]
    public async Task Api_NotSignedIn_Returns401(string method, string path)
    {
        await using var app = await PipelineApp.StartAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        using var response = await app.App.App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await app.App.RowsAsync(CaseTables.Cases));
    }

    private static Dictionary<string, string> Parameters(JsonElement entry) =>
        entry.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
