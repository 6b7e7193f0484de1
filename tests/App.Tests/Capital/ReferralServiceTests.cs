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
public sealed class ReferralServiceTests
{
    [Fact]
    public async Task ListWaitingAsync_CasesOfSeveralOffices_ListsTheUnansweredOnesStaffSeeByTheCasesOfficeNowOldestFirst()
    {
        await using var app = await FeatureApp.StartAsync();
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var old = await app.SeedCaseAsync(Offices.BapasKupang);
        await SeedWaitingAsync(app, old, "ref-000000000001", new DateTimeOffset(2025, 1, 2, 3, 0, 0, TimeSpan.Zero));
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

        var forBapas = await service.ListWaitingAsync(Staff(app, "pk.kupang"), null, CancellationToken.None);
        var forKanwil = await service.ListWaitingAsync(Staff(app, "kanwil.ntt"), null, CancellationToken.None);
        var forAdmin = await service.ListWaitingAsync(Staff(app, "admin"), null, CancellationToken.None);

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
        await using var app = await FeatureApp.StartAsync();
        var admin = await app.SignInAsync("admin");
        var kupang = await app.SeedCaseAsync(Offices.BapasKupang);
        await SubmitAsync(admin, kupang, "Bank NTT");
        var tangerang = await app.SeedCaseAsync(Offices.BapasTangerang);
        await SubmitAsync(admin, tangerang, "BRI");
        var service = app.App.Services.GetRequiredService<ReferralService>();

        var forTangerang = await service.ListWaitingAsync(Staff(app, "kanwil.banten"), "bapas-tangerang", CancellationToken.None);

        Assert.Equal([tangerang], forTangerang.Select(w => w.CaseId));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ListWaitingAsync(Staff(app, "pk.kupang"), Offices.BapasTangerang, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<RequestValidationException>(() => service.ListWaitingAsync(Staff(app, "admin"), "LAPAS-NOWHERE", CancellationToken.None));
        Assert.Contains(unknown.Errors, error => error.Field == "office");
    }

    private static StaffMember Staff(FeatureApp app, string username) =>
        app.App.Services.GetRequiredService<StaffDirectory>().Find(username) ?? throw new InvalidOperationException($"No demo account {username}.");

    private static async Task<string> SubmitAsync(HttpClient staff, string caseId, string partnerName)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName, amount = 5_000_000, purpose = "Bahan baku" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referralId").GetString()!;
    }

    /// <summary>A waiting row as <see cref="ReferralService.SubmitAsync"/> writes it, on an earlier day.</summary>
    private static async Task SeedWaitingAsync(FeatureApp app, string caseId, string referralId, DateTimeOffset submittedAt)
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
