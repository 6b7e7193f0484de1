using System.Net;
using PepFunctions.App.Tests.Support;
using static PepFunctions.App.Tests.Web.PersonPages;

namespace PepFunctions.App.Tests.Web;

/// <summary>The person page's capital forms, used by the Bapas after release: referrals, the partner's answer, permits.</summary>
public sealed class CapitalPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Referral_BankNtt_ShowsTheReferralWaitingForAnAnswer()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0601");

        var (response, _) = await pk.SubmitAsync($"/kasus/{caseId}", "form#referral",
            ("Referral.PartnerName", "Bank NTT"), ("Referral.Amount", "5.000.000"), ("Referral.Purpose", "Alat tenun"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await pk.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Rujukan modal terkirim.", Saved(page));
        var row = page.QuerySelector("#capital table.list tbody tr");
        Assert.Contains("Bank NTT", row?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alat tenun", row?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#capital table.list form.answer"));
        var referral = Assert.Single((await JsonAsync(pk, $"/api/cases/{caseId}/referrals")).EnumerateArray());
        Assert.Equal(("Submitted", 5_000_000L), (referral.GetProperty("status").GetString(), referral.GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task Referral_AndItsAnswer_AreOnThePersonsTimelineWithWhoRecordedThem()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReferredAsync(lapas, pk, "WBP-2025-0690");
        Assert.Equal(HttpStatusCode.Redirect, (await pk.SubmitAsync($"/kasus/{caseId}", "form.answer", ("Answer.Status", "Accepted"))).Response.StatusCode);

        var (_, page) = await pk.GetAsync($"/kasus/{caseId}?lang=en");

        var items = page.QuerySelectorAll("ol.timeline > li").ToList();
        var submitted = Assert.Single(items, item => item.QuerySelector("b")?.TextContent == "Capital referral submitted");
        Assert.EndsWith("· Agustina (PK, Bapas Kupang)", submitted.QuerySelector("time")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("To Bank NTT, Rp", submitted.QuerySelector(".hint")?.TextContent, StringComparison.Ordinal);
        var answered = Assert.Single(items, item => item.QuerySelector("b")?.TextContent == "Financing partner's answer recorded");
        Assert.Equal("Bank NTT: Accepted", answered.QuerySelector(".hint")?.TextContent);
        Assert.DoesNotContain(items, item => item.QuerySelector("b")?.TextContent?.StartsWith("Capital referral to", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Referral_NothingFilledIn_ShowsFieldErrorsAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0602");

        var (response, page) = await pk.SubmitAsync($"/kasus/{caseId}", "form#referral",
            ("Referral.PartnerName", ""), ("Referral.Amount", ""), ("Referral.Purpose", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pilih mitra pembiayaan.", StaffSession.FieldError(page, "Referral.PartnerName"));
        Assert.Equal("Jumlah harus lebih dari Rp0.", StaffSession.FieldError(page, "Referral.Amount"));
        Assert.Equal("Tulis untuk apa modal ini.", StaffSession.FieldError(page, "Referral.Purpose"));
        Assert.Empty((await JsonAsync(pk, $"/api/cases/{caseId}/referrals")).EnumerateArray());
    }

    [Fact]
    public async Task Answer_PartnerAccepts_ShowsTheNewStatus()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReferredAsync(lapas, pk, "WBP-2025-0603");

        var (response, _) = await pk.SubmitAsync($"/kasus/{caseId}", "form.answer", ("Answer.Status", "Accepted"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await pk.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Jawaban mitra tercatat.", Saved(page));
        var answerChoices = page.QuerySelectorAll("form.answer select[name='Answer.Status'] option").Select(o => o.GetAttribute("value"));
        Assert.DoesNotContain("Accepted", answerChoices);
        var referral = Assert.Single((await JsonAsync(pk, $"/api/cases/{caseId}/referrals")).EnumerateArray());
        Assert.Equal("Accepted", referral.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Answer_RejectedWithoutReason_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReferredAsync(lapas, pk, "WBP-2025-0604");

        var (response, page) = await pk.SubmitAsync($"/kasus/{caseId}", "form.answer", ("Answer.Status", "Rejected"), ("Answer.Reason", " "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tulis alasan penolakan dari mitra.", StaffSession.FieldError(page, "Answer.Reason"));
        var referral = Assert.Single((await JsonAsync(pk, $"/api/cases/{caseId}/referrals")).EnumerateArray());
        Assert.Equal("Submitted", referral.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Permit_NibAppliedAndGranted_ShowsItGranted()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0605");

        var (response, _) = await pk.SubmitAsync($"/kasus/{caseId}", "form#permit",
            ("Permit.Kind", "Nib"), ("Permit.AppliedOn", Date(Today.AddDays(-10))), ("Permit.GrantedOn", Date(Today.AddDays(-2))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await pk.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Izin usaha tersimpan.", Saved(page));
        var permits = (await JsonAsync(pk, $"/api/cases/{caseId}/permits")).EnumerateArray().ToList();
        Assert.Equal("Granted", permits.Single(p => p.GetProperty("kind").GetString() == "Nib").GetProperty("status").GetString());
        Assert.Equal(Date(Today.AddDays(-2)), permits.Single(p => p.GetProperty("kind").GetString() == "Nib").GetProperty("grantedOn").GetString());
    }

    [Fact]
    public async Task Permit_GrantedWithoutApplied_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0606");

        var (response, page) = await pk.SubmitAsync($"/kasus/{caseId}", "form#permit", ("Permit.Kind", "Halal"), ("Permit.GrantedOn", Date(Today)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Izin yang terbit memerlukan tanggal pengajuan.", StaffSession.FieldError(page, "Permit.AppliedOn"));
        Assert.Equal(Date(Today), page.QuerySelector("input[name='Permit.GrantedOn']")?.GetAttribute("value"));
        var permits = (await JsonAsync(pk, $"/api/cases/{caseId}/permits")).EnumerateArray();
        Assert.All(permits, p => Assert.Equal("NotApplied", p.GetProperty("status").GetString()));
    }

    /// <summary>A released person with one referral to Bank NTT, submitted through the form.</summary>
    private static async Task<string> ReferredAsync(StaffSession lapas, StaffSession pk, string registrationNumber)
    {
        var caseId = await ReleasedAsync(lapas, pk, registrationNumber);
        var (response, _) = await pk.SubmitAsync($"/kasus/{caseId}", "form#referral",
            ("Referral.PartnerName", "Bank NTT"), ("Referral.Amount", "5000000"), ("Referral.Purpose", "Alat tenun"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return caseId;
    }
}
