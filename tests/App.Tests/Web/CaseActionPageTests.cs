using System.Net;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using static PepFunctions.App.Tests.Web.PersonPages;

namespace PepFunctions.App.Tests.Web;

/// <summary>The person page's case forms after the assessment: release, follow-up, withdrawal, transfer.</summary>
public sealed class CaseActionPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Release_ParoleWithSentenceEndAndMentor_HandsTheCaseToTheBapas()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await InTrainingAsync(lapas, "WBP-2025-0501");
        var sentenceEnd = Today.AddDays(200);

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#release",
            ("Release.Kind", "Parole"), ("Release.Date", Date(Today)), ("Release.SentenceEnd", Date(sentenceEnd)), ("Release.Mentor", "mentor.kupang"));

        // The case passes to the Bapas, out of the Lapas officer's sight: the confirmation is on the list.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/kasus?saved=Release", response.Headers.Location?.OriginalString);
        var (confirmed, confirmation) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Pembebasan tercatat; kasus diserahkan ke Bapas.", Saved(confirmation));
        var page = await WaitForVisibleAsync(pk, caseId, p => p.QuerySelector("form#follow-up") is not null);
        var rows = page.QuerySelectorAll("section.card table.list tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Pembebasan", StringComparison.Ordinal) && r.Contains("dibimbing Bapas sampai", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Pendamping", StringComparison.Ordinal) && r.Contains("Ibu Rosa (Pokmas Lipas Kupang)", StringComparison.Ordinal));
        var record = await JsonAsync(pk, $"/api/cases/{caseId}");
        Assert.Equal((Offices.BapasKupang, "mentor.kupang"), (record.GetProperty("officeCode").GetString(), record.GetProperty("mentor").GetString()));
        Assert.Equal("Parole", record.GetProperty("release").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Release_NoKindAndDateAhead_ShowsFieldErrorsAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await InTrainingAsync(lapas, "WBP-2025-0502");

        var (response, page) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#release",
            ("Release.Kind", ""), ("Release.Date", Date(Today.AddDays(3))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Wajib dipilih.", StaffSession.FieldError(page, "Release.Kind"));
        Assert.Equal("Pembebasan dicatat pada atau setelah harinya, bukan sebelumnya.", StaffSession.FieldError(page, "Release.Date"));
        Assert.Equal(Date(Today.AddDays(3)), page.QuerySelector("input[name='Release.Date']")?.GetAttribute("value"));
        var record = await JsonAsync(lapas, $"/api/cases/{caseId}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, record.GetProperty("release").ValueKind);
        Assert.DoesNotContain("ReleaseRecorded", await TimelineActionsAsync(lapas, caseId));
    }

    [Fact]
    public async Task FollowUp_Visit_MarksTheFollowUpDone()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0503");

        var (response, _) = await pk.SubmitAsync($"/kasus/{caseId}", "form#follow-up",
            ("FollowUp.Sequence", "1"), ("FollowUp.Mode", "InPerson"), ("FollowUp.BusinessStatus", "Running"),
            ("FollowUp.IncomeBand", "From1To3M"), ("FollowUp.Notes", "Menjual kain di pasar"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await pk.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Pendampingan tercatat.", Saved(page));
        var record = await JsonAsync(pk, $"/api/cases/{caseId}");
        Assert.Equal("Done", record.GetProperty("followUps")[0].GetProperty("state").GetString());
        Assert.DoesNotContain(page.QuerySelectorAll("select[name='FollowUp.Sequence'] option"), o => o.GetAttribute("value") == "1");
    }

    [Fact]
    public async Task FollowUp_DateAhead_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0504");

        var (response, page) = await pk.SubmitAsync($"/kasus/{caseId}", "form#follow-up",
            ("FollowUp.Date", Date(Today.AddDays(2))), ("FollowUp.Mode", "Phone"), ("FollowUp.BusinessStatus", "Preparing"), ("FollowUp.IncomeBand", "None"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pendampingan tidak bisa dicatat untuk tanggal yang akan datang.", StaffSession.FieldError(page, "FollowUp.Date"));
        var record = await JsonAsync(pk, $"/api/cases/{caseId}");
        Assert.NotEqual("Done", record.GetProperty("followUps")[0].GetProperty("state").GetString());
        Assert.DoesNotContain("FollowUpRecorded", await TimelineActionsAsync(pk, caseId));
    }

    [Fact]
    public async Task Withdrawal_Reason_EndsTheCaseAsWithdrawn()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0505");

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#withdrawal",
            ("Withdrawal.Reason", "ConsentWithdrawn"), ("Withdrawal.Note", "Menarik persetujuan"), ("Withdrawal.Confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, confirmation) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("WBP dikeluarkan dari program.", Saved(confirmation));
        var page = await CasePageTests.WaitForAsync(lapas, caseId, p => p.QuerySelector("ol.stages li.current")?.TextContent == "Keluar dari program");
        Assert.Null(page.QuerySelector("form#withdrawal"));
        Assert.Null(page.QuerySelector("form#assessment"));
        Assert.Contains("WithdrawalRequested", await TimelineActionsAsync(lapas, caseId));
    }

    [Fact]
    public async Task Withdrawal_NoReason_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0506");

        var (response, page) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#withdrawal", ("Withdrawal.Reason", ""), ("Withdrawal.Note", "Tanpa alasan"), ("Withdrawal.Confirmed", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Wajib dipilih.", StaffSession.FieldError(page, "Withdrawal.Reason"));
        Assert.NotNull(page.QuerySelector("details[open] form#withdrawal"));
        Assert.Equal("Tanpa alasan", page.QuerySelector("textarea[name='Withdrawal.Note']")?.TextContent);
        Assert.DoesNotContain("WithdrawalRequested", await TimelineActionsAsync(lapas, caseId));
        Assert.Equal("Assessment", (await JsonAsync(lapas, $"/api/cases/{caseId}")).GetProperty("progress").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Withdrawal_NotConfirmed_AsksForTheTickAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0599");

        var (response, page) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#withdrawal", ("Withdrawal.Reason", "ConsentWithdrawn"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Centang untuk memastikan; pengeluaran dari program tidak bisa dibatalkan.", StaffSession.FieldError(page, "Withdrawal.Confirmed"));
        Assert.Equal("true", page.QuerySelector("input[name='Withdrawal.Confirmed']")?.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("#Withdrawal-errors a[href='#Withdrawal_Confirmed']"));
        Assert.DoesNotContain("WithdrawalRequested", await TimelineActionsAsync(lapas, caseId));
    }

    [Fact]
    public async Task Transfer_KanwilCoordinator_MovesTheCaseToAnotherLapasOfTheProvince()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var kanwil = await StaffSession.SignInAsync(_app, "kanwil.ntt");
        using var kalabahi = await StaffSession.SignInAsync(_app, "lapas.kalabahi");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0507");

        var (response, _) = await kanwil.SubmitAsync($"/kasus/{caseId}", "form#transfer", ("Transfer.OfficeCode", Offices.LpKalabahi));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await kanwil.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Kasus telah dipindahkan.", Saved(page));
        Assert.Contains(page.QuerySelectorAll("table.list tr"), r => r.TextContent.Contains("Lapas Kelas IIB Kalabahi", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await kalabahi.GetAsync($"/kasus/{caseId}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lapas.GetAsync($"/kasus/{caseId}")).Response.StatusCode);
    }

    [Fact]
    public async Task Transfer_NoOffice_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var kanwil = await StaffSession.SignInAsync(_app, "kanwil.ntt");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0508");

        var (response, page) = await kanwil.SubmitAsync($"/kasus/{caseId}", "form#transfer", ("Transfer.OfficeCode", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Kantor tujuan wajib dipilih.", StaffSession.FieldError(page, "Transfer.OfficeCode"));
        Assert.NotNull(page.QuerySelector("details[open] form#transfer"));
        Assert.Equal(Offices.LppKupang, (await JsonAsync(kanwil, $"/api/cases/{caseId}")).GetProperty("officeCode").GetString());
        Assert.DoesNotContain("Transferred", await TimelineActionsAsync(kanwil, caseId));
    }
}
