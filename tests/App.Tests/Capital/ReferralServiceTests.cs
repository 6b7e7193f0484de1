using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Capital;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Capital;

/// <summary><see cref="ReferralService.ListWaitingAsync"/>: the dashboard's list of referrals waiting for an answer.</summary>
public sealed class ReferralServiceTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task ListWaitingAsync_CasesOfSeveralOffices_ListsTheUnansweredOnesStaffSeeByTheCasesOfficeNowOldestFirst()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var old = await app.SeedCaseAsync(Offices.BapasKupang);
        await SeedWaitingAsync(old, "ref-000000000001", new DateTimeOffset(2025, 1, 2, 3, 0, 0, TimeSpan.Zero));
        var kupang = await app.SeedCaseAsync(Offices.BapasKupang);
        var kupangReferral = await SubmitAsync(pk, kupang, "Bank NTT");
        var moved = await app.SeedCaseAsync(Offices.BapasKupang);
        var movedReferral = await SubmitAsync(pk, moved, "Pegadaian");
        await app.Table(CaseOffices.CasesTable).UpsertEntityAsync(
            new TableEntity(moved, moved) { [CaseOffices.OfficeCodeProperty] = Offices.BapasTangerang }, TableUpdateMode.Merge);
        var tangerang = await app.SeedCaseAsync(Offices.BapasTangerang);
        var tangerangReferral = await SubmitAsync(admin, tangerang, "BRI");
        var answered = await app.SeedCaseAsync(Offices.BapasKupang);
        var answeredReferral = await SubmitAsync(pk, answered, "Bank NTT");
        using var answer = await pk.PostAsJsonAsync($"/api/cases/{answered}/referrals/{answeredReferral}/answer", new { status = "Accepted" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var service = app.App.Services.GetRequiredService<ReferralService>();
        string[] mine = [old, kupang, moved, tangerang, answered];

        // The other tests of the class share the hub: only this test's cases count.
        var forBapas = Mine(await service.ListWaitingAsync(Staff("pk.kupang"), null, CancellationToken.None), mine);
        var forKanwil = Mine(await service.ListWaitingAsync(Staff("kanwil.ntt"), null, CancellationToken.None), mine);
        var forAdmin = Mine(await service.ListWaitingAsync(Staff("admin"), null, CancellationToken.None), mine);

        Assert.Equal([(old, "ref-000000000001"), (kupang, kupangReferral)], forBapas.Select(w => (w.CaseId, w.ReferralId)));
        Assert.Equal(forBapas, forKanwil);
        Assert.Equal(
            [(old, Offices.BapasKupang), (kupang, Offices.BapasKupang), (moved, Offices.BapasTangerang), (tangerang, Offices.BapasTangerang)],
            forAdmin.Select(w => (w.CaseId, w.OfficeCode)));
        Assert.Equal((movedReferral, "Pegadaian", "pk.kupang"), (forAdmin[2].ReferralId, forAdmin[2].PartnerName, forAdmin[2].SubmittedBy));
        Assert.Equal(tangerangReferral, forAdmin[3].ReferralId);
    }

    [Fact]
    public async Task ListWaitingAsync_OneOffice_ListsOnlyItsCases_UnknownOrUnseenOfficeIsRefused()
    {
        var admin = await app.SignInAsync("admin");
        var kupang = await app.SeedCaseAsync(Offices.BapasKupang);
        await SubmitAsync(admin, kupang, "Bank NTT");
        var tangerang = await app.SeedCaseAsync(Offices.BapasTangerang);
        await SubmitAsync(admin, tangerang, "BRI");
        var service = app.App.Services.GetRequiredService<ReferralService>();

        var forTangerang = await service.ListWaitingAsync(Staff("kanwil.banten"), "bapas-tangerang", CancellationToken.None);

        Assert.Contains(tangerang, forTangerang.Select(w => w.CaseId));
        Assert.All(forTangerang, w => Assert.Equal(Offices.BapasTangerang, w.OfficeCode));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ListWaitingAsync(Staff("pk.kupang"), Offices.BapasTangerang, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<RequestValidationException>(() => service.ListWaitingAsync(Staff("admin"), "LAPAS-NOWHERE", CancellationToken.None));
        Assert.Contains(unknown.Errors, error => error.Field == "office");
    }

    private static List<WaitingReferralResponse> Mine(IEnumerable<WaitingReferralResponse> waiting, string[] caseIds) =>
        [.. waiting.Where(w => caseIds.Contains(w.CaseId))];

    private StaffMember Staff(string username) =>
        StaffDirectory.FindDemo(username) ?? throw new InvalidOperationException($"No demo account {username}.");

    private static async Task<string> SubmitAsync(HttpClient staff, string caseId, string partnerName)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName, amount = 5_000_000, purpose = "Bahan baku" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referralId").GetString()!;
    }

    /// <summary>A waiting row as <see cref="ReferralService.SubmitAsync"/> writes it, on an earlier day.</summary>
    private async Task SeedWaitingAsync(string caseId, string referralId, DateTimeOffset submittedAt)
    {
        var table = app.Table(CapitalTables.ReferralsWaiting);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new WaitingReferralEntity
        {
            PartitionKey = Dates.Format(DateOnly.FromDateTime(submittedAt.UtcDateTime)),
            RowKey = WaitingReferralEntity.KeyOf(caseId, referralId),
            SubmittedAt = submittedAt,
            OfficeCode = Offices.BapasKupang,
            SubmittedBy = "pk.kupang",
            PartnerName = "Koperasi",
        });
    }
}
