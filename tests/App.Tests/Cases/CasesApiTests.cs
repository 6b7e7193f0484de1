using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PepFunctions.App.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary>The case API's answers to staff: access, bad input, conflicts, releases and transfers, exports.</summary>
public sealed class CasesApiTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task Enrol_Valid_StoresTheRecordAndStartsThePipeline()
    {
        var lapas = await app.SignInAsync("lapas.kupang");

        var body = CaseApp.Enrollment();
        var caseId = await CaseApp.EnrolAsync(lapas, body);

        Assert.Equal(TestCaseIds.For(Offices.LppKupang, (string)body["registrationNumber"]!), caseId);
        var record = await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        Assert.Equal(("Maria, \"Ina\" Bui", "5371014101900001", "lapas.kupang"), (record.GetString("FullName"), record.GetString("Nik"), record.GetString("CreatedBy")));
        // The stage is written by an activity inside the pipeline's first step; the instance shows Running once that step commits.
        var shown = await Support.TestApp.WaitForJsonAsync(lapas, $"/api/cases/{caseId}",
            c => c.GetProperty("progress").GetProperty("runtimeStatus").GetString() == "Running", "runtime status Running");
        Assert.Equal(["Programme", "ShareWithMentors", "ShareWithFinancingPartners", "ProductPromotion"], shown.GetProperty("consent").GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Viewed", await CaseApp.TimelineActionsAsync(lapas, caseId));
    }

    [Fact]
    public async Task Enrol_SamePersonTwice_Returns409()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        await CaseApp.EnrolAsync(lapas, body);

        // A second enrolment, not a retry of the first (which would get the first answer).
        await CaseApp.PostAsync(lapas, "/api/cases", body, HttpStatusCode.Conflict, idempotencyKey: "another-enrolment");
    }

    [Fact]
    public async Task Enrol_BadFields_Returns400NamingThemAndStoresNothing()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        body["fullName"] = " ";
        body["nik"] = "12345";
        body["expectedReleaseDate"] = null;

        var problem = await CaseApp.PostAsync(lapas, "/api/cases", body, HttpStatusCode.BadRequest);

        Assert.Equal(["expectedReleaseDate", "fullName", "nik"], Fields(problem));
        var caseId = TestCaseIds.For(Offices.LppKupang, (string)body["registrationNumber"]!);
        Assert.Null(await app.RecordAsync(caseId));
        Assert.Null(await app.App.Client.GetInstanceAsync(caseId));
    }

    [Theory]
    [InlineData("{\"officeCode\":\"LPP-KUPANG\",\"consent\":{\"scope\":[\"Everything\"]}}", "consent.scope[0]")]
    [InlineData("{\"officeCode\":\"LPP-KUPANG\",\"expectedReleaseDate\":\"soon\"}", "expectedReleaseDate")]
    [InlineData("", "body")]
    [InlineData("[1]", "body")]
    public async Task Enrol_UnreadableValue_Returns400NamingIt(string json, string field)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var before = (await app.RowsAsync(CaseTables.Cases)).Count;

        using var response = await lapas.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], Fields(await response.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(before, (await app.RowsAsync(CaseTables.Cases)).Count);
    }

    [Fact]
    public async Task Actions_BadInput_Return400NamingTheFieldAndChangeNothing()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var path = $"/api/cases/{caseId}";
        var today = CaseApp.Today;

        (HttpClient Client, string Path, object Body, string[] Fields)[] cases =
        [
            (lapas, $"{path}/assessment", new { interests = new[] { "Batik" }, canReadWrite = true }, ["education", "preferredBusiness"]),
            (lapas, $"{path}/assessment", new { priorSkills = new[] { "Batik" }, education = "None", canReadWrite = false, preferredBusiness = "Food" }, ["interests"]),
            (lapas, $"{path}/release", new { kind = "Parole", date = today }, ["sentenceEnd"]),
            (lapas, $"{path}/release", new { kind = "EndOfSentence", date = today.AddDays(1) }, ["date"]),
            (lapas, $"{path}/release", new { kind = "EndOfSentence", date = today, mentor = "lapas.tangerang" }, ["mentor"]),
            (lapas, $"{path}/release", new { kind = "Parol", date = today }, ["kind"]),
            // Two days ahead: one day ahead of Kupang is already today in WIT between 15:00 and 16:00 UTC, which the first,
            // zone-free check lets through, and the case (a Lapas's) is then not the Bapas officer's to see (404).
            (pk, $"{path}/follow-ups/1", new { date = today.AddDays(2), mode = "Phone", businessStatus = "Running", incomeBand = "None" }, ["date"]),
            (pk, $"{path}/follow-ups/1", new { date = today }, ["businessStatus", "incomeBand", "mode"]),
            (pk, $"{path}/follow-ups/0", new { date = today, mode = "Phone", businessStatus = "Running", incomeBand = "None" }, ["seq"]),
            (lapas, $"{path}/withdrawal", new { note = "no reason" }, ["reason"]),
            (lapas, $"{path}/withdrawal", new { reason = "Bored" }, ["reason"]),
            (lapas, $"{path}/withdrawal", new { reason = "Death", note = new string('x', 2001) }, ["note"]),
            (admin, $"{path}/transfer", new { officeCode = "" }, ["officeCode"]),
            (admin, $"{path}/transfer", new { officeCode = "LAPAS-MARS" }, ["officeCode"]),
            (admin, $"{path}/transfer", new { officeCode = Offices.BapasKupang }, ["officeCode"]),
        ];
        foreach (var (client, target, body, fields) in cases)
        {
            var problem = await CaseApp.PostAsync(client, target, body, HttpStatusCode.BadRequest);
            Assert.True(fields.SequenceEqual(Fields(problem)), $"POST {target} {JsonSerializer.Serialize(body)}: {problem}");
        }

        Assert.Equal(["Enrolled", "StageChanged"], await CaseApp.TimelineActionsAsync(lapas, caseId));
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
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], Fields(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Cases_AnotherOfficesCase_IsRefused()
    {
        var kupang = await app.SignInAsync("lapas.kupang");
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var caseId = await CaseApp.EnrolAsync(kupang);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        Assert.Equal(HttpStatusCode.NotFound, (await tangerang.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tangerang.GetAsync($"/api/cases/{caseId}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tangerang.GetAsync($"/api/cases?office={Offices.LppKupang}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tangerang.GetAsync($"/api/follow-ups?office={Offices.BapasKupang}")).StatusCode);
        await CaseApp.PostAsync(tangerang, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.NotFound);
        await CaseApp.PostAsync(tangerang, $"/api/cases/{caseId}/withdrawal", new { reason = "Death" }, HttpStatusCode.NotFound);
        await CaseApp.PostAsync(tangerang, "/api/cases", CaseApp.Enrollment(Offices.LppKupang), HttpStatusCode.Forbidden);
        var own = await tangerang.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.All(own.EnumerateArray(), c => Assert.Equal(Offices.LppTangerang, c.GetProperty("officeCode").GetString()));
        Assert.DoesNotContain(caseId, await tangerang.GetStringAsync("/api/cases.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("Viewed", await CaseApp.TimelineActionsAsync(kupang, caseId));
    }

    [Fact]
    public async Task Cases_RoleNotAllowed_Returns403()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var kanwil = await app.SignInAsync("kanwil.ntt");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        await CaseApp.PostAsync(kanwil, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Forbidden);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LpKupang }, HttpStatusCode.Forbidden);
        await CaseApp.PostAsync(kanwil, "/api/cases", CaseApp.Enrollment(Offices.LppKupang), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Transfer_KanwilWithinProvince_MovesRecordAndSummary()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var kanwil = await app.SignInAsync("kanwil.ntt");
        var banten = await app.SignInAsync("kanwil.banten");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        await CaseApp.PostAsync(banten, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LppTangerang }, HttpStatusCode.NotFound);
        var moved = await CaseApp.PostAsync(kanwil, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LpKupang }, HttpStatusCode.OK);

        Assert.Equal(Offices.LpKupang, moved.GetProperty("officeCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await lapas.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var summaries = await app.RowsAsync(CaseTables.CasesByOffice);
        Assert.Equal([Offices.LpKupang], summaries.Where(s => s.RowKey == caseId).Select(s => s.PartitionKey));
        Assert.Contains("Transferred", await CaseApp.TimelineActionsAsync(kanwil, caseId));
    }

    [Fact]
    public async Task Release_EarlyParole_MovesToBapasWithFollowUpsUntilSupervisionEnds()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);
        var sentenceEnd = CaseApp.Today.AddDays(100);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release", new { kind = "Parole", date = CaseApp.Today, sentenceEnd }, HttpStatusCode.Accepted);

        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 1, "follow-up 1");
        var record = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var release = record.GetProperty("release");
        // Supervision ends when that day begins in Kupang (WITA, UTC+8).
        var supervisionEnd = new DateTimeOffset(sentenceEnd.AddYears(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
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
    public async Task Transfer_ReleasedCaseToAnotherBapas_MovesTheRecordAndItsFollowUps()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var banten = await app.SignInAsync("kanwil.banten");
        var caseId = await app.AssessedCaseAsync(lapas);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release", new { kind = "EndOfSentence", date = CaseApp.Today }, HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 1, "follow-up 1");

        await CaseApp.PostAsync(admin, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.LppTangerang }, HttpStatusCode.BadRequest);
        var moved = await CaseApp.PostAsync(admin, $"/api/cases/{caseId}/transfer", new { officeCode = Offices.BapasTangerang }, HttpStatusCode.OK);

        Assert.Equal(Offices.BapasTangerang, moved.GetProperty("officeCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await pk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var record = await banten.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal((Offices.BapasTangerang, JsonValueKind.Null), (record.GetProperty("officeCode").GetString(), record.GetProperty("mentor").ValueKind));
        Assert.Equal("Running", record.GetProperty("progress").GetProperty("runtimeStatus").GetString());
        var due = await admin.GetFromJsonAsync<JsonElement>($"/api/follow-ups?office={Offices.BapasTangerang}&window=60");
        Assert.Contains(due.EnumerateArray(), f => f.GetProperty("caseId").GetString() == caseId && f.GetProperty("sequence").GetInt32() == 1);
        var kupangDue = await pk.GetFromJsonAsync<JsonElement>($"/api/follow-ups?office={Offices.BapasKupang}&window=60");
        Assert.DoesNotContain(kupangDue.EnumerateArray(), f => f.GetProperty("caseId").GetString() == caseId);
        Assert.Contains("Transferred", await CaseApp.TimelineActionsAsync(admin, caseId));
    }

    [Fact]
    public async Task Assessment_NotAtAssessmentStage_Returns409()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Conflict, idempotencyKey: "another-assessment");
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/follow-ups/1",
            new { date = CaseApp.Today, mode = "Phone", businessStatus = "Running", incomeBand = "None" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_AssessedCase_ReturnsTheAssessmentWithItsRankedReasons()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var before = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("assessment").ValueKind);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", new
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
        var history = await admin.GetStringAsync($"/api/instances/{caseId}/history");
        var events = JsonDocument.Parse(history).RootElement.GetProperty("events").EnumerateArray();
        Assert.Contains(events, e => e.GetProperty("eventType").GetString() == "EventRaised" && e.GetProperty("name").GetString() == CaseEvents.AssessmentRecorded);
        Assert.Contains("AssessmentRecorded", timeline, StringComparison.Ordinal);
        Assert.All(new[] { timeline, history }, text =>
        {
            Assert.DoesNotContain("asma", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("anak kecil", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Timeline_Entries_CarryTheValuesTheirDetailIsMadeOf()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);
        var shown = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

        var timeline = (await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline")).EnumerateArray().ToList();

        var enrolled = Parameters(timeline.Single(e => e.GetProperty("action").GetString() == "Enrolled"));
        Assert.Equal(Offices.LppKupang, enrolled["office"]);
        Assert.Equal("Programme,ShareWithMentors,ShareWithFinancingPartners,ProductPromotion", enrolled["consent"]);
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
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        using var response = await lapas.GetAsync("/api/cases.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("caseId,officeCode,registrationNumber,name,stage,nextDue,nextDueAt,mentor,updatedAt", lines[0]);
        var line = Assert.Single(lines, l => l.StartsWith($"{caseId},{Offices.LppKupang},", StringComparison.Ordinal));
        Assert.Contains(",\"Maria, \"\"Ina\"\" Bui\",", line, StringComparison.Ordinal);
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
        var before = (await app.RowsAsync(CaseTables.Cases)).Count;

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(CaseApp.Enrollment()) : null };
        using var response = await app.App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, (await app.RowsAsync(CaseTables.Cases)).Count);
    }

    private static Dictionary<string, string> Parameters(JsonElement entry) =>
        entry.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
