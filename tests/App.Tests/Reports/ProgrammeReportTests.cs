using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Reports;

/// <summary>
/// Three people walked through the pipeline — one at Lapas Perempuan Kupang released, mentored, referred and selling;
/// one there withdrawn after the assessment; one enrolled at Tangerang — and the report of each scope.
/// </summary>
public sealed class ProgrammeReportTests(ProgrammeReportTests.Walk walk) : IClassFixture<ProgrammeReportTests.Walk>
{
    [Fact]
    public async Task Report_OfTheLapas_CountsItsPeopleOnceEach()
    {
        var report = await walk.ReportAsync("lapas.kupang", Offices.LppKupang);

        var people = report.GetProperty("people");
        Assert.Equal(2, people.GetProperty("enrolled").GetInt32());
        Assert.Equal(2, people.GetProperty("assessed").GetInt32());
        Assert.Equal(1, people.GetProperty("released").GetInt32());
        Assert.Equal(1, people.GetProperty("releasedByKind").GetProperty("EndOfSentence").GetInt32());
        Assert.Equal(1, people.GetProperty("withdrawn").GetInt32());
        Assert.Equal(1, people.GetProperty("withdrawnByReason").GetProperty("TransferOut").GetInt32());
    }

    [Fact]
    public async Task Report_OfTheBapas_CountsMentoringFollowUpsReferralsAndSales()
    {
        var report = await walk.ReportAsync("pk.kupang", Offices.BapasKupang);

        Assert.Equal(1, report.GetProperty("people").GetProperty("inMentoring").GetInt32());
        var followUps = report.GetProperty("followUps");
        Assert.Equal(walk.FollowUpsDueInWindow, followUps.GetProperty("due").GetInt32());
        Assert.Equal(1, followUps.GetProperty("doneOnTime").GetInt32() + followUps.GetProperty("doneLate").GetInt32());
        var capital = report.GetProperty("capital");
        Assert.Equal((1, 1, 1, 5_000_000L), (capital.GetProperty("referralsSent").GetInt32(), capital.GetProperty("referralsAccepted").GetInt32(),
            capital.GetProperty("referralsDisbursed").GetInt32(), capital.GetProperty("disbursedRupiah").GetInt64()));
        Assert.Equal(1, capital.GetProperty("disbursedByPartnerKind").GetProperty("KurBank").GetProperty("count").GetInt32());
        var marketing = report.GetProperty("marketing");
        Assert.Equal((1_500_000L, 1), (marketing.GetProperty("salesRupiah").GetInt64(), marketing.GetProperty("peopleWithSales").GetInt32()));
    }

    [Fact]
    public async Task Report_OfTheProvinceAndTheNation_AddTheirOffices()
    {
        var province = await walk.ReportAsync("kanwil.ntt", Offices.KanwilNtt);
        var nation = await walk.ReportAsync("kurator", "NATIONAL");

        Assert.Equal(2, province.GetProperty("people").GetProperty("enrolled").GetInt32());
        Assert.Equal(1, province.GetProperty("people").GetProperty("inMentoring").GetInt32());
        Assert.Contains(Offices.BapasKupang, province.GetProperty("offices").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(3, nation.GetProperty("people").GetProperty("enrolled").GetInt32());
        Assert.Equal(1_500_000L, nation.GetProperty("marketing").GetProperty("salesRupiah").GetInt64());
    }

    [Theory]
    [InlineData("lapas.kupang", Offices.LppKupang, HttpStatusCode.OK)]
    [InlineData("lapas.kupang", Offices.KanwilNtt, HttpStatusCode.Forbidden)]
    [InlineData("lapas.kupang", "NATIONAL", HttpStatusCode.Forbidden)]
    [InlineData("lapas.tangerang", Offices.LppKupang, HttpStatusCode.Forbidden)]
    [InlineData("kanwil.ntt", Offices.KanwilNtt, HttpStatusCode.OK)]
    [InlineData("kanwil.ntt", Offices.LppKupang, HttpStatusCode.OK)]
    [InlineData("kanwil.ntt", Offices.LppTangerang, HttpStatusCode.Forbidden)]
    [InlineData("kanwil.ntt", "NATIONAL", HttpStatusCode.Forbidden)]
    [InlineData("kurator", "NATIONAL", HttpStatusCode.OK)]
    [InlineData("admin", Offices.LppTangerang, HttpStatusCode.OK)]
    public async Task Report_EachScope_FollowsTheAccessTable(string username, string scope, HttpStatusCode expected)
    {
        var staff = await walk.SignInAsync(username);

        using var response = await staff.GetAsync(walk.ReportPath(scope));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Report_BadScopeAndMonths_Returns400NamingEach()
    {
        var admin = await walk.SignInAsync("admin");

        using var response = await admin.GetAsync("/api/reports/programme?scope=ATLANTIS&from=2026-13&to=");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("scope", out _) && errors.TryGetProperty("from", out _) && errors.TryGetProperty("to", out _), errors.ToString());
    }

    [Fact]
    public async Task Rebuild_FromTheRecords_GivesTheSameFigures()
    {
        var before = await walk.ReportAsync("kurator", "NATIONAL");
        var admin = await walk.SignInAsync("admin");

        using var rebuilt = await admin.PostAsync("/api/reports/programme/rebuild", null);
        var after = await walk.ReportAsync("kurator", "NATIONAL");

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task Workbook_ReadBackWithTheOpenXmlSdk_SaysWhatTheJsonSays()
    {
        var kanwil = await walk.SignInAsync("kanwil.ntt");
        var json = await walk.ReportAsync("kanwil.ntt", Offices.KanwilNtt);

        using var response = await kanwil.GetAsync(walk.ReportPath(Offices.KanwilNtt).Replace("/programme?", "/programme.xlsx?", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["scope", "people", "followUps", "capital", "marketing", "pokmas"], sheets.Select(sheet => sheet.Name?.Value));
        foreach (var section in new[] { "people", "followUps", "capital", "marketing", "pokmas" })
        {
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets.Single(sheet => sheet.Name == section).Id!);
            var rows = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Skip(1)
                .Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(cell => cell.CellValue?.Text ?? cell.InnerText).ToList())
                .ToDictionary(cells => cells[0], cells => cells[1]);
            foreach (var figure in json.GetProperty(section).EnumerateObject().Where(f => f.Value.ValueKind is JsonValueKind.Number))
            {
                Assert.Equal(figure.Value.GetRawText(), rows[figure.Name]);
            }
        }
    }

    /// <summary>The walk, once for the class.</summary>
    public sealed class Walk : CaseApp, IAsyncLifetime
    {
        public string From { get; } = Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        public string To { get; } = Today.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        /// <summary>The released person's follow-ups due within the report's months, as the follow-up table has them.</summary>
        public int FollowUpsDueInWindow { get; private set; }

        public string ReportPath(string scope) => $"/api/reports/programme?scope={Uri.EscapeDataString(scope)}&from={From}&to={To}";

        public async Task<JsonElement> ReportAsync(string username, string scope)
        {
            var staff = await SignInAsync(username);
            using var response = await staff.GetAsync(ReportPath(scope));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            var lapas = await SignInAsync("lapas.kupang");
            var mentor = await SignInAsync("mentor.kupang");
            var tangerang = await SignInAsync("lapas.tangerang");

            var released = await AssessedCaseAsync(lapas);
            await PostAsync(lapas, $"/api/cases/{released}/release", new { kind = "EndOfSentence", date = Today, mentor = "mentor.kupang" }, HttpStatusCode.Accepted, "release-1");
            await PostAsync(lapas, $"/api/cases/{released}/release", new { kind = "EndOfSentence", date = Today, mentor = "mentor.kupang" }, HttpStatusCode.Accepted, "release-1");
            await WaitForStageAsync(released, PipelineStage.Mentoring);
            await PostAsync(mentor, $"/api/cases/{released}/follow-ups/1",
                new { date = Today, mode = "InPerson", businessStatus = "Preparing", incomeBand = "Below1M", needs = "Benang" }, HttpStatusCode.Accepted);
            var referral = await PostAsync(mentor, $"/api/cases/{released}/referrals",
                new { partnerName = "Bank NTT", kind = "KurBank", amount = 5_000_000, purpose = "Alat tenun" }, HttpStatusCode.Created);
            var referralId = referral.GetProperty("referralId").GetString();
            await PostAsync(mentor, $"/api/cases/{released}/referrals/{referralId}/answer", new { status = "Accepted" }, HttpStatusCode.OK);
            await PostAsync(mentor, $"/api/cases/{released}/referrals/{referralId}/answer", new { status = "Disbursed" }, HttpStatusCode.OK);
            await PostAsync(mentor, $"/api/cases/{released}/sales",
                new { month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture), salesRupiah = 1_500_000 }, HttpStatusCode.OK);

            var withdrawn = await AssessedCaseAsync(lapas);
            await PostAsync(lapas, $"/api/cases/{withdrawn}/withdrawal", new { reason = "TransferOut" }, HttpStatusCode.Accepted);
            await WaitForStageAsync(withdrawn, PipelineStage.Withdrawn);

            await EnrolAsync(tangerang, Enrollment(Offices.LppTangerang));

            var window = (DateOnly.ParseExact(From + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(To + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1));
            FollowUpsDueInWindow = (await PartitionAsync("FollowUps", released))
                .Select(row => Offices.LocalDate(Offices.BapasKupang, row.GetDateTimeOffset("DueAt")!.Value))
                .Count(day => day >= window.Item1 && day < window.Item2);
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync();
    }
}
