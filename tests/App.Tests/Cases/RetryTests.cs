using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using PepFunctions.App.Cases;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Staff;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// Staff actions sent twice (a client's retry after a timeout or a crash) give the first answer again, appear once on
/// the timeline and move the pipeline once; an action cut off by a failed storage write at any point is completed by
/// its retry with the same key, or, when nobody sends it again, by the pipeline repair.
/// </summary>
/// <remarks>
/// Fault injection: the case services are built a second time in the test over storage whose Nth table write throws
/// (<see cref="FaultyStorage"/>), on the same task hub and with the running app's <c>DurableTaskClient</c>; the retry then
/// goes through the app's registered <see cref="CaseService"/> with the same action key.
/// </remarks>
public sealed class RetryTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Assessment_SentTwice_SameAnswerOneEntryAndThePipelineMovesOnce(bool withHeader)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        var first = await SendAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, withHeader ? "assess-1" : null);
        var second = await SendAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, withHeader ? "assess-1" : null);

        Assert.Equal((HttpStatusCode.Accepted, first.Body), (second.Status, second.Body));
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        var actions = await TimelineAsync(caseId, a => a.Action == "StageChanged" && a.Detail.Contains("Training", StringComparison.Ordinal));
        Assert.Single(actions, a => a.Action == "AssessmentRecorded");
        Assert.Single(actions, a => a.Action == "StageChanged" && a.Detail.Contains("Training", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assessment_DifferentSecondAction_StillGets409()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, "a")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, "b")).Status);
    }

    [Fact]
    public async Task EnrolReleaseAndTransfer_SentTwice_OneEntryEachAndNoRowLeftAtTheOldOffice()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        var enrolled = await SendAsync(lapas, "/api/cases", body, null);
        var again = await SendAsync(lapas, "/api/cases", body, null);
        var caseId = JsonDocument.Parse(enrolled.Body).RootElement.GetProperty("caseId").GetString()!;
        // The replayed answer comes from the idempotency record, which keeps no personal field (docs/privacy.md).
        Assert.Equal((HttpStatusCode.Created, caseId), (again.Status, JsonDocument.Parse(again.Body).RootElement.GetProperty("caseId").GetString()));
        Assert.DoesNotContain("Maria", again.Body, StringComparison.Ordinal);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);

        var release = new { kind = "EndOfSentence", date = CaseApp.Today };
        var released = await SendAsync(lapas, $"/api/cases/{caseId}/release", release, "rel");
        Assert.Equal((HttpStatusCode.Accepted, released.Body), ((await SendAsync(lapas, $"/api/cases/{caseId}/release", release, "rel")).Status, released.Body));
        var record = await app.WaitForStageAsync(caseId, PipelineStage.Mentoring);
        var bapas = record.GetString("OfficeCode");
        Assert.NotEqual(Offices.LppKupang, bapas);

        var admin = await app.SignInAsync("admin");
        var target = Offices.BapasTangerang;
        var transfer = new { officeCode = target };
        var moved = await SendAsync(admin, $"/api/cases/{caseId}/transfer", transfer, "move");
        var movedAgain = await SendAsync(admin, $"/api/cases/{caseId}/transfer", transfer, "move");
        Assert.Equal((moved.Status, caseId, "BAPAS-TANGERANG"), (movedAgain.Status, JsonDocument.Parse(movedAgain.Body).RootElement.GetProperty("caseId").GetString(),
            JsonDocument.Parse(movedAgain.Body).RootElement.GetProperty("officeCode").GetString()));
        Assert.Equal(HttpStatusCode.OK, moved.Status);

        var actions = await TimelineAsync(caseId, a => a.Action == "Released");
        Assert.Single(actions, a => a.Action == "Enrolled");
        Assert.Single(actions, a => a.Action == "ReleaseRecorded");
        Assert.Single(actions, a => a.Action == "Released");
        Assert.Single(actions, a => a.Action == "Transferred");
        var summaries = (await app.RowsAsync(CaseTables.CasesByOffice)).Where(r => r.RowKey == caseId).Select(r => r.PartitionKey);
        Assert.Equal([target], summaries);
    }

    [Fact]
    public async Task Enrol_ConcurrentSameRegistrationNumber_One201One409AndNoForeignData()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var other = await app.SignInAsync("lapas.kupang");
        var a = CaseApp.Enrollment();
        var b = new Dictionary<string, object?>(a) { ["fullName"] = "Yohanes Other", ["nik"] = "5371014101900002" };

        for (var round = 0; round < 5; round++)
        {
            var number = $"RACE-{Guid.NewGuid():N}"[..20];
            a["registrationNumber"] = b["registrationNumber"] = number;
            var answers = await Task.WhenAll(SendAsync(lapas, "/api/cases", a, null), SendAsync(other, "/api/cases", b, null));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(x => x.Status).Order());
            var winner = answers.Single(x => x.Status == HttpStatusCode.Created);
            var loser = answers.Single(x => x.Status == HttpStatusCode.Conflict);
            var winnerName = winner.Body.Contains("Yohanes", StringComparison.Ordinal) ? "Yohanes" : "Maria";
            Assert.DoesNotContain(winnerName, loser.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("53710141019000", loser.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Enrol_RegistrationNumbersThatMapToOneCaseId_SecondRefusedWith409NamingTheCollision()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var slash = CaseApp.Enrollment();
        slash["registrationNumber"] = $"WBP/{suffix}/77";
        var dash = CaseApp.Enrollment();
        dash["registrationNumber"] = $"WBP-{suffix}-77";
        dash["fullName"] = "Yohanes Other";

        var first = await SendAsync(lapas, "/api/cases", slash, null);
        var second = await SendAsync(lapas, "/api/cases", dash, null);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains($"WBP/{suffix}/77", second.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", second.Body, StringComparison.Ordinal);
        var record = await app.RecordAsync(TestCaseIds.For(Offices.LppKupang, $"WBP/{suffix}/77"));
        Assert.Equal(($"WBP/{suffix}/77", "Maria, \"Ina\" Bui"), (record!.GetString("RegistrationNumber"), record.GetString("FullName")));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/WBP-1")]
    [InlineData("WBP--1")]
    [InlineData("WBP_1")]
    [InlineData("WBP-1-")]
    public async Task Enrol_RegistrationNumberOutsideTheCharacterSet_Returns400(string number)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var body = CaseApp.Enrollment();
        body["registrationNumber"] = number;

        var answer = await SendAsync(lapas, "/api/cases", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("registrationNumber", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrolAsync_RetryOverlappingItsFirstAttempt_GetsTheFirstAnswerNotAConflict()
    {
        // The race the 100-pipeline crash test met: the first attempt is slow, its client gives up and sends it again;
        // the retry looks for the pipeline before the first attempt has started it, then the first attempt starts it,
        // and the retry's own start is refused (AlreadyExists, as Durable Functions refuses it). The retry must still
        // answer as the first attempt did.
        var officer = StaffDirectory.FindDemo("lapas.kupang")!;
        var service = app.App.Services.GetRequiredService<CaseService>();
        var enrolment = JsonSerializer.Deserialize<Enrollment>(JsonSerializer.Serialize(CaseApp.Enrollment()), JsonOptions)!;
        var caseId = TestCaseIds.For(Offices.LppKupang, enrolment.RegistrationNumber);
        await service.EnrolAsync(officer, enrolment, "overlap-enrol", app.App.Client, CancellationToken.None);
        var late = new Mock<DurableTaskClient>("late");
        late.Setup(c => c.GetInstanceAsync(caseId, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        late.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.AlreadyExists, $"An Orchestration instance with the ID {caseId} already exists.")));

        var retried = await service.EnrolAsync(officer, enrolment, "overlap-enrol", late.Object, CancellationToken.None);

        Assert.Equal(caseId, retried.CaseId);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        Assert.Single(await TimelineAsync(caseId, a => a.Action == "Enrolled"), a => a.Action == "Enrolled");
    }

    [Fact]
    public async Task Actions_CutOffAtEachStorageWrite_AreCompletedOnceByTheirRetry()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var staff = StaffDirectory.FindDemo("lapas.kupang")!;
        var healthy = app.App.Services.GetRequiredService<CaseService>();
        var client = app.App.Client;
        for (var n = 1; n <= 16; n++)
        {
            var faulty = Faulty(n);
            var caseId = await CaseApp.EnrolAsync(lapas);
            await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
            var request = JsonSerializer.Deserialize<AssessmentRequest>(JsonSerializer.Serialize(CaseApp.Assessment), JsonOptions)!;
            var key = $"fault-assess-{n}";

            var failed = await Record.ExceptionAsync(() => faulty.Service.RecordAssessmentAsync(staff, caseId, request, key, client, CancellationToken.None));
            await healthy.RecordAssessmentAsync(staff, caseId, request, key, client, CancellationToken.None);

            await app.WaitForStageAsync(caseId, PipelineStage.Training);
            var actions = await TimelineAsync(caseId, a => a.Action == "StageChanged" && a.Detail.Contains("Training", StringComparison.Ordinal));
            Assert.Single(actions, a => a.Action == "AssessmentRecorded");
            Assert.Single(actions, a => a.Action == "StageChanged" && a.Detail.Contains("Training", StringComparison.Ordinal));

            // Release of the same case, cut off at the same write. It names a mentor of the Bapas, and its retry comes
            // before the pipeline has handed the case over: the mentor is checked against the same Bapas both times.
            var releaseKey = $"fault-release-{n}";
            var release = new ReleaseRequest(ReleaseKind.EndOfSentence, CaseApp.Today, null, "mentor.kupang");
            var releaseFailed = await Record.ExceptionAsync(() => Faulty(n).Service.RecordReleaseAsync(staff, caseId, release, releaseKey, client, CancellationToken.None));
            await healthy.RecordReleaseAsync(staff, caseId, release, releaseKey, client, CancellationToken.None);
            await app.WaitForRecordAsync(caseId, r => r.GetString("Stage") == nameof(PipelineStage.Mentoring) && r.GetString("BapasCode") is not null, "mentoring at the Bapas");
            actions = await TimelineAsync(caseId, a => a.Action == "Released");
            Assert.Single(actions, a => a.Action == "ReleaseRecorded");
            Assert.Single(actions, a => a.Action == "Released");
            var summaries = (await app.RowsAsync(CaseTables.CasesByOffice)).Where(r => r.RowKey == caseId).ToList();
            Assert.Single(summaries);

            if (failed is null && releaseFailed is null)
            {
                Assert.True(n > 3, $"Only {n - 1} writes were cut off.");
                return; // n is past the last write of both actions: every cut-off point has been tried.
            }
        }

        Assert.Fail("The actions made more than 16 writes; raise the bound.");
    }

    [Fact]
    public async Task Transfer_CutOffAtEachStorageWrite_RetryLeavesNoRowAtTheOldOffice()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = StaffDirectory.FindDemo("admin")!;
        var healthy = app.App.Services.GetRequiredService<CaseService>();
        var target = Offices.Seed.First(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan && o.Code != Offices.LppKupang).Code;
        for (var n = 1; n <= 16; n++)
        {
            var caseId = await app.AssessedCaseAsync(lapas);
            var key = $"fault-transfer-{n}";
            var request = new TransferRequest(target, null);

            var failed = await Record.ExceptionAsync(() => Faulty(n).Service.TransferAsync(admin, caseId, request, key, CancellationToken.None));
            var moved = await healthy.TransferAsync(admin, caseId, request, key, CancellationToken.None);

            Assert.Equal(target, moved.OfficeCode);
            var summaries = (await app.RowsAsync(CaseTables.CasesByOffice)).Where(r => r.RowKey == caseId).Select(r => r.PartitionKey);
            Assert.Equal([target], summaries);
            Assert.Single(await app.PartitionAsync(CaseTables.Timeline, caseId), r => r.GetString("Action") == "Transferred");
            if (failed is null)
            {
                Assert.True(n > 2, $"Only {n - 1} writes were cut off.");
                return;
            }
        }

        Assert.Fail("The transfer made more than 16 writes; raise the bound.");
    }

    [Fact]
    public async Task Actions_CutOffAtEachStorageWriteAndNeverRetried_AreFinishedByThePipelineRepair()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var directory = app.App.Services.GetRequiredService<StaffDirectory>();
        var (officer, mentor, bapasOfficer) = (StaffDirectory.FindDemo("lapas.kupang")!, StaffDirectory.FindDemo("mentor.kupang")!, StaffDirectory.FindDemo("pk.kupang")!);
        var healthy = app.App.Services.GetRequiredService<CaseService>();
        var client = app.App.Client;
        var enrolCutAfterItsRecord = false;
        for (var n = 1; n <= 16; n++)
        {
            // Enrolment cut off at write n: a record left without its pipeline is started by the repair.
            var enrolment = JsonSerializer.Deserialize<Enrollment>(JsonSerializer.Serialize(CaseApp.Enrollment()), JsonOptions)!;
            var enrolFailed = await Record.ExceptionAsync(() => Faulty(n).Service.EnrolAsync(officer, enrolment, $"repair-enrol-{n}", client, CancellationToken.None));
            var caseId = TestCaseIds.For(Offices.LppKupang, enrolment.RegistrationNumber);
            if (await app.RecordAsync(caseId) is null)
            {
                await healthy.EnrolAsync(officer, enrolment, $"repair-enrol-{n}", client, CancellationToken.None);
            }
            else
            {
                enrolCutAfterItsRecord |= enrolFailed is not null;
                await RepairAsync();
            }

            await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
            Assert.Single(await TimelineAsync(caseId, a => a.Action == "Enrolled"), a => a.Action == "Enrolled");

            // Each action cut off at write n and never sent again: once its record is written, the repair tells the pipeline.
            var assessment = JsonSerializer.Deserialize<AssessmentRequest>(JsonSerializer.Serialize(CaseApp.Assessment), JsonOptions)!;
            await CutOffThenRepairAsync(n, caseId, "AssessmentKey", $"repair-assess-{n}", PipelineStage.Training, "AssessmentRecorded",
                (s, key) => s.RecordAssessmentAsync(officer, caseId, assessment, key, client, CancellationToken.None));

            var release = new ReleaseRequest(ReleaseKind.EndOfSentence, CaseApp.Today, null, "mentor.kupang");
            await CutOffThenRepairAsync(n, caseId, "ReleaseKey", $"repair-release-{n}", PipelineStage.Mentoring, "ReleaseRecorded",
                (s, key) => s.RecordReleaseAsync(officer, caseId, release, key, client, CancellationToken.None));
            await app.WaitForRecordAsync(caseId, r => r.GetString("MentorUsername") == "mentor.kupang", "the mentor named by the release");

            var visit = new FollowUpRequest(CaseApp.Today, ContactMode.InPerson, BusinessStatus.Preparing, IncomeBand.None, null, null);
            var followUpFailed = await Record.ExceptionAsync(() => Faulty(n).Service.RecordFollowUpAsync(mentor, caseId, 1, visit, $"repair-visit-{n}", client, CancellationToken.None));
            if ((await app.PartitionAsync(FollowUpTables.FollowUps, caseId)).Any(f => f.GetString("RecordKey") == $"repair-visit-{n}"))
            {
                await RepairAsync();
            }
            else
            {
                await healthy.RecordFollowUpAsync(mentor, caseId, 1, visit, $"repair-visit-{n}", client, CancellationToken.None);
            }

            await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 2, "the pipeline waiting for follow-up 2");
            Assert.Single(await TimelineAsync(caseId, a => a.Action == "FollowUpRecorded"), a => a.Action == "FollowUpRecorded");

            var withdrawal = new WithdrawalRequest(WithdrawalReason.ConsentWithdrawn, null);
            var withdrawalFailed = await CutOffThenRepairAsync(n, caseId, "WithdrawalKey", $"repair-withdraw-{n}", PipelineStage.Withdrawn, "WithdrawalRequested",
                (s, key) => s.WithdrawAsync(bapasOfficer, caseId, withdrawal, key, client, CancellationToken.None));

            if (enrolFailed is null && followUpFailed is null && withdrawalFailed is null)
            {
                Assert.True(enrolCutAfterItsRecord, "No enrolment was cut off between its record and its pipeline's start.");
                return; // n is past the last write of every action: every cut-off point has been tried.
            }
        }

        Assert.Fail("The actions made more than 16 writes; raise the bound.");

        // Sends the action with a table client that fails at write n; when its record was written, runs the repair (and
        // never the action again), else sends the action again as its sender would. The pipeline then moves on once.
        async Task<Exception?> CutOffThenRepairAsync(
            int n, string caseId, string keyColumn, string key, PipelineStage next, string entry, Func<CaseService, string, Task> action)
        {
            var failed = await Record.ExceptionAsync(() => action(Faulty(n).Service, key));
            if ((await app.RecordAsync(caseId))!.GetString(keyColumn) == key)
            {
                await RepairAsync();
            }
            else
            {
                await action(healthy, key);
            }

            await app.WaitForStageAsync(caseId, next);
            Assert.Single(await TimelineAsync(caseId, a => a.Action == entry), a => a.Action == entry);
            return failed;
        }
    }

    [Fact]
    public async Task PipelineRepair_VisitThePipelineTookForAnEarlierFollowUp_IsNotCountedTwice()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release",
            new { kind = "EndOfSentence", date = CaseApp.Today, mentor = "mentor.kupang" }, HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 1, "the pipeline waiting for follow-up 1");

        // The mentor records visit 2 while the pipeline waits for 1: a later visit counts for the earlier follow-up.
        await CaseApp.PostAsync(mentor, $"/api/cases/{caseId}/follow-ups/2",
            new { date = CaseApp.Today, mode = "InPerson", businessStatus = "Preparing", incomeBand = "None" }, HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetInt32("NextFollowUp") == 2, "the pipeline waiting for follow-up 2");
        await RepairAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // an event the repair raised would have moved the pipeline on by now

        Assert.Equal(2, (await app.RecordAsync(caseId))!.GetInt32("NextFollowUp"));
    }

    /// <summary>Runs the pipeline repair as its timer does, counting every action as settled.</summary>
    private async Task RepairAsync()
    {
        ISweep sweep = ActivatorUtilities.CreateInstance<PipelineRepairSweep>(app.App.Services, Options.Create(new SweepsOptions { RepairAfter = TimeSpan.Zero }));
        await sweep.RunOnScheduleAsync(app.App.Client, CancellationToken.None);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The case services over a table client whose <paramref name="n"/>th write fails.</summary>
    private (CaseService Service, int FailingWrite) Faulty(int n)
    {
        var storage = FaultyStorage.Storage(app.App, n);
        // The unfinished-actions index on the failing storage too: a cut before its row, between it and the record, between
        // the record and the event, and before the row is closed are all among the cut-off points tried.
        var service = ActivatorUtilities.CreateInstance<CaseService>(app.App.Services,
            new CaseStore(storage, TimeProvider.System), new FollowUpStore(storage), new CaseTimeline(storage), new UnfinishedActions(storage));
        return (service, n);
    }

    /// <summary>The case's timeline rows, once one of them matches <paramref name="until"/> (the pipeline writes its rows after the record), and a moment more for any duplicate to land.</summary>
    private async Task<List<(string Action, string Detail)>> TimelineAsync(string caseId, Func<(string Action, string Detail), bool> until)
    {
        var deadline = DateTime.UtcNow + Support.TestApp.WaitLimit;
        while (true)
        {
            var rows = (await app.PartitionAsync(CaseTables.Timeline, caseId)).Select(r => (r.GetString("Action"), r.GetString("Detail") ?? "")).ToList();
            if (rows.Any(until))
            {
                await Task.Delay(500);
                return [.. (await app.PartitionAsync(CaseTables.Timeline, caseId)).Select(r => (r.GetString("Action"), r.GetString("Detail") ?? ""))];
            }

            Assert.True(DateTime.UtcNow < deadline, $"Case {caseId}'s timeline never got the expected entry: {string.Join(", ", rows)}");
            await Task.Delay(100);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
