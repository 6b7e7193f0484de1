using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.App.Privacy;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>Personal data under UU 27/2022, end to end through the local runner: consent, ids, export, erasure, retention.</summary>
public sealed class PrivacyTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task Refer_EnrolledWithoutFinancingConsent_Returns409NamingTheConsent()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = await app.SignInAsync("admin");
        var person = Person.New();
        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment("Programme", "ShareWithMentors"));

        var refused = await CaseApp.PostAsync(admin, $"/api/cases/{caseId}/referrals",
            new { partnerName = "Bank NTT", kind = "KurBank", amount = 5_000_000, purpose = "Alat tenun" }, HttpStatusCode.Conflict);
        var product = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/products",
            new { name = "Selendang", category = "Textile", description = "", priceRupiah = 150_000 }, HttpStatusCode.Created);
        var showcase = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/products/{product.GetProperty("productId").GetString()}/showcases",
            new { kind = "SalesChannel", name = "Koperasi Lapas" }, HttpStatusCode.Conflict);

        Assert.Contains("ShareWithFinancingPartners", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("ProductPromotion", showcase.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.PartitionAsync("Referrals", caseId));
        Assert.Empty(await app.PartitionAsync("ProductShowcases", caseId));
    }

    [Fact]
    public async Task ChangeConsent_AddFinancingConsent_ReferralAcceptedAndRecorderFromTheServer()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await CaseApp.EnrolAsync(lapas, Person.New().Enrollment("Programme"));
        var before = DateTimeOffset.UtcNow;

        var changed = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/consent", new { purpose = "ShareWithFinancingPartners" }, HttpStatusCode.OK);
        await CaseApp.PostAsync(admin, $"/api/cases/{caseId}/referrals",
            new { partnerName = "Bank NTT", kind = "KurBank", amount = 5_000_000, purpose = "Alat tenun" }, HttpStatusCode.Created);

        var consent = changed.GetProperty("consent");
        Assert.Equal("lapas.kupang", consent.GetProperty("recordedBy").GetString());
        Assert.True(consent.GetProperty("recordedAt").GetDateTimeOffset() >= before.AddSeconds(-5));
        Assert.Equal(["Programme", "ShareWithFinancingPartners"], consent.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("ConsentChanged", await CaseApp.TimelineActionsAsync(lapas, caseId));
    }

    [Fact]
    public async Task RecordRelease_PokmasMentorWithoutMentorConsent_Returns409NamingTheConsent()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas, Person.New().Enrollment("Programme"));
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);

        var refused = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release",
            new { kind = "EndOfSentence", date = CaseApp.Today, mentor = "mentor.kupang" }, HttpStatusCode.Conflict);

        Assert.Contains("ShareWithMentors", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null((await app.RecordAsync(caseId))!.GetString("ReleaseKind"));
    }

    [Fact]
    public async Task ListsAndCsv_ReadByStaff_EachAuditedWithTheReader()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        using (await lapas.GetAsync("/api/cases?office=LPP-KUPANG")) { }
        using (await lapas.GetAsync("/api/cases.csv")) { }
        using (await lapas.GetAsync("/api/follow-ups")) { }

        var reads = (await app.RowsAsync(ReadAudit.TableName))
            .Where(r => r.GetString("Actor") == "lapas.kupang" && r.Timestamp >= since)
            .Select(r => r.GetString("Read")).ToList();
        Assert.Contains("CaseList", reads);
        Assert.Contains("CaseListCsv", reads);
        Assert.Contains("FollowUpList", reads);
    }

    [Fact]
    public async Task Enrol_NewPerson_CaseIdHoldsNeitherRegistrationNumberNorName()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var person = Person.New();

        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment());

        Assert.Matches("^case-[a-z2-7]{26}$", caseId);
        Assert.Equal(TestCaseIds.For(Offices.LppKupang, person.RegistrationNumber), caseId);
        foreach (var part in new[] { person.RegistrationNumber, person.RegistrationNumber[4..], person.FirstName, person.LastName, person.Nik })
        {
            Assert.DoesNotContain(part, caseId, StringComparison.OrdinalIgnoreCase);
        }

        var record = await app.RecordAsync(caseId);
        Assert.Equal(("lapas.kupang", false), (JsonDocument.Parse(record!.GetString("ConsentJson")).RootElement.GetProperty("recordedBy").GetString(),
            record.GetString("ConsentJson").Contains("2020-01-01", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_AfterAWalk_HoldsEveryKindOfRecordAndWhoViewedIt()
    {
        var admin = await app.SignInAsync("admin");
        var person = Person.New();
        var caseId = await PersonWalk.WalkAsync(app, person);

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/export");

        Assert.Equal($"{person.FirstName} {person.LastName}", export.GetProperty("record").GetProperty("FullName").GetString());
        Assert.Equal(person.Nik, export.GetProperty("record").GetProperty("Nik").GetString());
        Assert.NotNull(export.GetProperty("record").GetProperty("AssessmentJson").GetString());
        Assert.Equal(["Programme", "ShareWithMentors", "ShareWithFinancingPartners"], export.GetProperty("consent").GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        var tables = export.GetProperty("tables").EnumerateObject().Select(t => t.Name).ToList();
        Assert.Subset(tables.ToHashSet(), new HashSet<string>
        {
            "CaseTimeline", "Referrals", "ReferralsWaiting", "Permits", "Products", "ProductShowcases", "ReadAudit", "Actions", "PersonalDataAudit",
        });
        var timeline = export.GetProperty("tables").GetProperty("CaseTimeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("Action").GetString() == "Viewed" && e.GetProperty("Actor").GetString() == "lapas.kupang");
        Assert.Contains(timeline, e => e.GetProperty("Action").GetString() == "Exported" && e.GetProperty("Actor").GetString() == "admin");
        var reads = export.GetProperty("tables").GetProperty("ReadAudit").EnumerateArray().Select(r => r.GetProperty("Read").GetString()).ToList();
        Assert.Contains("FileDownload", reads);
        Assert.Contains("Export", reads);
        var file = Assert.Single(export.GetProperty("files").EnumerateArray());
        Assert.StartsWith($"/api/cases/{caseId}/products/", file.GetProperty("link").GetString(), StringComparison.Ordinal);
        using var followed = await admin.GetAsync(file.GetProperty("link").GetString());
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task Erase_AfterAWalk_PersonNowhereInTheAccountInstanceGoneCountsUnchanged()
    {
        var admin = await app.SignInAsync("admin");
        var person = Person.New();
        var caseId = await PersonWalk.WalkAsync(app, person);
        var counts = await PersonWalk.CountsAsync(admin);
        Assert.NotEmpty(await StorageScan.FindAsync(app.App.ConnectionString, person.Identifying));

        var erased = await ErasureApi.EraseAsync(admin, caseId, "Permintaan penghapusan oleh subjek data");
        var again = await ErasureApi.EraseAsync(admin, caseId, "Sent twice");

        Assert.Empty(await StorageScan.FindAsync(app.App.ConnectionString, person.Identifying));
        Assert.Null(await app.App.Client.GetInstanceAsync(caseId));
        Assert.Empty(await app.BlobNamesAsync(caseId + "/"));
        Assert.Equal(counts, await PersonWalk.CountsAsync(admin));
        Assert.Equal(("admin", "Permintaan penghapusan oleh subjek data", "Completed"),
            (erased.GetProperty("requestedBy").GetString(), erased.GetProperty("reason").GetString(), erased.GetProperty("step").GetString()));
        Assert.Equal(erased.GetProperty("requestedAt").GetDateTimeOffset(), again.GetProperty("requestedAt").GetDateTimeOffset());
        using var page = await admin.GetAsync($"/api/cases/{caseId}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        // Who read and corrected the person outlives the erasure, under a random id, without the corrected values.
        var reads = (await app.App.RowsAsync("ReadAudit")).Where(r => r.GetString("CaseId")?.StartsWith("anon-", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(reads, r => r.GetString("Actor") == "lapas.kupang");
        Assert.DoesNotContain(await app.App.RowsAsync("ReadAudit"), r => r.GetString("CaseId") == caseId);
        var corrections = (await app.App.RowsAsync("PersonalDataAudit")).Where(r => r.PartitionKey.StartsWith("anon-", StringComparison.Ordinal) && r.GetString("By") == "lapas.kupang").ToList();
        Assert.NotEmpty(corrections);
        Assert.All(corrections, r => Assert.Equal(("", ""), (r.GetString("OldValue"), r.GetString("NewValue"))));
    }

    [Fact]
    public async Task Erase_ByAnOfficer_Returns403AndKeepsEverything()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas, Person.New().Enrollment());

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/erasure", new { reason = "No" }, HttpStatusCode.Forbidden);

        Assert.NotNull(await app.RecordAsync(caseId));
        Assert.Empty(await app.PartitionAsync(CaseErasure.TableName, caseId));
    }

    [Fact]
    public async Task RetentionSweep_CaseClosedLongerThanTheRetention_PersonNowhereAndCountsUnchanged()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = await app.SignInAsync("admin");
        var person = Person.New();
        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment());
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        var withdrawn = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/consent", new { purpose = "Programme", withdraw = true }, HttpStatusCode.OK);
        await app.WaitForStageAsync(caseId, PipelineStage.Withdrawn);
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, "Completed");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var counts = await PersonWalk.CountsAsync(admin);

        var run = await CaseApp.PostAsync(admin, "/api/sweeps/Retention/run", new { }, HttpStatusCode.OK);

        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());
        Assert.True(run.GetProperty("repaired").GetInt32() >= 1);
        Assert.Empty(await StorageScan.FindAsync(app.App.ConnectionString, person.Identifying));
        Assert.Null(await app.App.Client.GetInstanceAsync(caseId));
        Assert.Equal(counts, await PersonWalk.CountsAsync(admin));
        var line = Assert.Single(await app.PartitionAsync(CaseErasure.TableName, caseId));
        Assert.Equal(("retention", "Retention"), (line.GetString("RequestedBy"), line.GetString("Trigger")));
    }

    [Fact]
    public async Task RetentionSweep_PipelineTerminatedAtAnOpenStage_PersonErasedAfterThePeriodWithoutAChange()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = await app.SignInAsync("admin");
        var person = Person.New();
        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment());
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        using (var terminated = await admin.PostAsJsonAsync($"/api/instances/{caseId}/terminate", new { reason = "Pipeline stopped by an administrator" }))
        {
            Assert.True(terminated.IsSuccessStatusCode, $"terminate: {terminated.StatusCode}");
        }

        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Terminated, "Terminated");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var run = await CaseApp.PostAsync(admin, "/api/sweeps/Retention/run", new { }, HttpStatusCode.OK);

        Assert.True(run.GetProperty("repaired").GetInt32() >= 1);
        Assert.Empty(await StorageScan.FindAsync(app.App.ConnectionString, person.Identifying));
        var line = Assert.Single(await app.PartitionAsync(CaseErasure.TableName, caseId));
        Assert.Equal(("retention", "Completed"), (line.GetString("RequestedBy"), line.GetString("Step")));
    }

    [Fact]
    public async Task Erase_CrashBeforeAStorageWrite_RetryFinishesIt()
    {
        var admin = await app.SignInAsync("admin");
        var person = Person.New();
        var caseId = await PersonWalk.WalkAsync(app, person);
        var counts = await PersonWalk.CountsAsync(admin);

        // Two crashes at different points, each after some steps have been done, then the administrator's retry.
        foreach (var failingWrite in new[] { 4, 6 })
        {
            var crashing = new CaseErasure(FaultyStorage.Storage(app.App, failingWrite), TimeProvider.System,
                Microsoft.Extensions.Options.Options.Create(new PrivacyOptions()), NullLogger<CaseErasure>.Instance);
            await Assert.ThrowsAsync<IOException>(() => crashing.EraseAsync(caseId, "admin", "Permintaan subjek data", "Request", app.App.Client, CancellationToken.None));
        }

        var stopped = Assert.Single(await app.PartitionAsync(CaseErasure.TableName, caseId));
        Assert.Null(stopped.GetDateTimeOffset("CompletedAt"));
        var finished = await ErasureApi.EraseAsync(admin, caseId, "Retry");

        Assert.Equal(("Completed", "Permintaan subjek data"), (finished.GetProperty("step").GetString(), finished.GetProperty("reason").GetString()));
        Assert.Empty(await StorageScan.FindAsync(app.App.ConnectionString, person.Identifying));
        Assert.Null(await app.App.Client.GetInstanceAsync(caseId));
        Assert.Equal(counts, await PersonWalk.CountsAsync(admin));
    }
}
