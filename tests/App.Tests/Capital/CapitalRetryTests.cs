using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Capital;
using PepFunctions.App.Http;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using static PepFunctions.App.Tests.Support.KeyedRequests;

namespace PepFunctions.App.Tests.Capital;

/// <summary>Capital actions sent again (a retry after a timeout or a crash) give the first answer and record once.</summary>
public sealed class CapitalRetryTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task SubmitReferral_SameBodyTwiceWithoutHeader_SameAnswerOneReferral()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var body = new { partnerName = "Bank NTT", amount = 8_000_000, purpose = "Alat tenun" };

        var first = await PostAsync(pk, $"/api/cases/{caseId}/referrals", body, key: null);
        var second = await PostAsync(pk, $"/api/cases/{caseId}/referrals", body, key: null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(first.Body.GetProperty("referralId").GetString(), second.Body.GetProperty("referralId").GetString());
        Assert.Single(await app.PartitionAsync(CapitalTables.Referrals, caseId));
    }

    [Fact]
    public async Task SubmitReferral_SameHeaderTwice_SameAnswerOneReferral_NewHeaderAddsOne()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var body = new { partnerName = "Pegadaian", amount = 5_000_000, purpose = "Bahan baku" };
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(pk, $"/api/cases/{caseId}/referrals", body, key);
        var second = await PostAsync(pk, $"/api/cases/{caseId}/referrals", body, key);
        var other = await PostAsync(pk, $"/api/cases/{caseId}/referrals", body, Guid.NewGuid().ToString());

        Assert.Equal(first.Body.GetProperty("referralId").GetString(), second.Body.GetProperty("referralId").GetString());
        Assert.NotEqual(first.Body.GetProperty("referralId").GetString(), other.Body.GetProperty("referralId").GetString());
        Assert.Equal(2, (await app.PartitionAsync(CapitalTables.Referrals, caseId)).Count);
    }

    [Fact]
    public async Task SubmitAsync_AnswerLostAfterTheWrite_RetryFindsTheSameReferral()
    {
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var service = app.App.Services.GetRequiredService<ReferralService>();
        var staff = new StaffMember("pk.kupang", "PK Kupang", StaffRole.BapasOfficer, Offices.BapasKupang);
        var request = new ReferralRequest("BRI", null, 2_000_000, "Gerobak");

        // No action log in between: as if the app crashed after writing the referral, before saving the answer.
        var first = await service.SubmitAsync(staff, caseId, request, "crash-key", CancellationToken.None);
        var retry = await service.SubmitAsync(staff, caseId, request, "crash-key", CancellationToken.None);

        Assert.Equal(first.ReferralId, retry.ReferralId);
        Assert.Single(await app.PartitionAsync(CapitalTables.Referrals, caseId));
    }

    [Fact]
    public async Task AnswerAsync_AnswerLostAfterTheWrite_RetryAnswersTheSameInsteadOf409()
    {
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var service = app.App.Services.GetRequiredService<ReferralService>();
        var staff = new StaffMember("pk.kupang", "PK Kupang", StaffRole.BapasOfficer, Offices.BapasKupang);
        var referral = await service.SubmitAsync(staff, caseId, new ReferralRequest("BRI", null, 2_000_000, "Gerobak"), "submit", CancellationToken.None);
        var answer = new ReferralAnswerRequest(ReferralStatus.Accepted, null);

        var first = await service.AnswerAsync(staff, caseId, referral.ReferralId, answer, "answer", CancellationToken.None);
        var retry = await service.AnswerAsync(staff, caseId, referral.ReferralId, answer, "answer", CancellationToken.None);

        Assert.Equal((ReferralStatus.Accepted, ReferralStatus.Accepted), (first.Status, retry.Status));
        await Assert.ThrowsAsync<ConflictException>(() =>
            service.AnswerAsync(staff, caseId, referral.ReferralId, answer, "another answer", CancellationToken.None));
    }

    [Fact]
    public async Task AnswerReferral_SameAnswerTwice_SameAnswerNot409()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var referral = await PostAsync(pk, $"/api/cases/{caseId}/referrals", new { partnerName = "BRI", amount = 1_000_000, purpose = "Bahan" }, key: null);
        var path = $"/api/cases/{caseId}/referrals/{referral.Body.GetProperty("referralId").GetString()}/answer";

        var first = await PostAsync(pk, path, new { status = "Accepted" }, key: null);
        var second = await PostAsync(pk, path, new { status = "Accepted" }, key: null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
    }

    [Fact]
    public async Task SubmitAnswerAndPermit_SameHeaderTwice_EachOnceOnTheTimelineWithTheActorAndNoNames()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var referral = new { partnerName = "Bank NTT", amount = 8_000_000, purpose = "Alat tenun" };

        var first = await PostAsync(pk, $"/api/cases/{caseId}/referrals", referral, "refer");
        await PostAsync(pk, $"/api/cases/{caseId}/referrals", referral, "refer");
        var referralId = first.Body.GetProperty("referralId").GetString()!;
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(pk, $"/api/cases/{caseId}/referrals/{referralId}/answer", new { status = "Accepted" }, "answer")).Status);
            Assert.Equal(HttpStatusCode.OK, await PutAsync(pk, $"/api/cases/{caseId}/permits/Halal", new { appliedOn = "2025-02-01" }, "permit"));
        }

        var submitted = await TimelineApi.SingleAsync(pk, caseId, "ReferralSubmitted", "pk.kupang");
        Assert.Equal((referralId, "KurBank", "8000000"), (submitted["referral"], submitted["partnerKind"], submitted["amount"]));
        Assert.DoesNotContain(submitted.Values, value => value.Contains("Bank NTT", StringComparison.Ordinal) || value.Contains("tenun", StringComparison.Ordinal));
        var answered = await TimelineApi.SingleAsync(pk, caseId, "ReferralAnswered", "pk.kupang");
        Assert.Equal((referralId, "Accepted"), (answered["referral"], answered["referralStatus"]));
        var permit = await TimelineApi.SingleAsync(pk, caseId, "PermitRecorded", "pk.kupang");
        Assert.Equal(("Halal", "Applied", "2025-02-01"), (permit["permit"], permit["permitStatus"], permit["appliedOn"]));
    }

    [Fact]
    public async Task SubmitAndAnswer_CutOffAtEachStorageWrite_RetryWithTheSameKeyRecordsEachOnceOnTheTimeline()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var staff = new StaffMember("pk.kupang", "PK Kupang", StaffRole.BapasOfficer, Offices.BapasKupang);
        var healthy = app.App.Services.GetRequiredService<ReferralService>();
        var permits = app.App.Services.GetRequiredService<PermitService>();
        for (var n = 1; n <= 30; n++)
        {
            var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
            var request = new ReferralRequest("BRI", null, 2_000_000, "Gerobak");
            var answer = new ReferralAnswerRequest(ReferralStatus.Accepted, null);
            var permit = new PermitRequest(new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1));

            var submitFailed = await Record.ExceptionAsync(() => Faulty<ReferralService>(n).SubmitAsync(staff, caseId, request, $"submit-{n}", CancellationToken.None));
            var referral = await healthy.SubmitAsync(staff, caseId, request, $"submit-{n}", CancellationToken.None);
            var answerFailed = await Record.ExceptionAsync(() =>
                Faulty<ReferralService>(n).AnswerAsync(staff, caseId, referral.ReferralId, answer, $"answer-{n}", CancellationToken.None));
            var answered = await healthy.AnswerAsync(staff, caseId, referral.ReferralId, answer, $"answer-{n}", CancellationToken.None);
            var permitFailed = await Record.ExceptionAsync(() => Faulty<PermitService>(n).SetAsync(staff, caseId, PermitKind.Nib, permit, $"permit-{n}", CancellationToken.None));
            await permits.SetAsync(staff, caseId, PermitKind.Nib, permit, $"permit-{n}", CancellationToken.None);

            Assert.Equal(ReferralStatus.Accepted, answered.Status);
            Assert.Single(await app.PartitionAsync(CapitalTables.Referrals, caseId));
            Assert.DoesNotContain(await app.RowsAsync(CapitalTables.ReferralsWaiting), row => row.RowKey.StartsWith(caseId + "|", StringComparison.Ordinal));
            await TimelineApi.SingleAsync(pk, caseId, "ReferralSubmitted", "pk.kupang");
            await TimelineApi.SingleAsync(pk, caseId, "ReferralAnswered", "pk.kupang");
            Assert.Equal("Granted", (await TimelineApi.SingleAsync(pk, caseId, "PermitRecorded", "pk.kupang"))["permitStatus"]);
            if (submitFailed is null && answerFailed is null && permitFailed is null)
            {
                Assert.True(n > 3, $"Only {n - 1} writes were cut off.");
                return; // n is past the last write of every action: every cut-off point has been tried.
            }
        }

        Assert.Fail("The capital actions made more than 30 writes; raise the bound.");
    }

    private T Faulty<T>(int n) where T : class => FaultyStorage.Service<T>(app.App, n);
}
