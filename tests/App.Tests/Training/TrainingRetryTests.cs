using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Http;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Training;
using PepFunctions.Domain;
using static PepFunctions.App.Tests.Support.KeyedRequests;

namespace PepFunctions.App.Tests.Training;

/// <summary>Training actions sent again (a retry after a timeout or a crash) give the first answer and record once.</summary>
public sealed class TrainingRetryTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task CreateBatch_SameBodyTwiceWithoutHeader_SameBatchOnce()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var partner = "Retry " + Guid.NewGuid().ToString("N");
        var body = BatchBodyObject(partner);

        var first = await PostAsync(lapas, "/api/training/batches", body, key: null);
        var second = await PostAsync(lapas, "/api/training/batches", body, key: null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        var batchId = first.Body.GetProperty("batchId").GetString();
        Assert.Equal(batchId, second.Body.GetProperty("batchId").GetString());
        Assert.Single(await app.PartitionAsync(TrainingTables.Batches, Offices.LppKupang), row => row.GetString("Partner") == partner);
    }

    [Fact]
    public async Task CreateBatch_SameHeaderTwice_SameBatchOnce()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var partner = "Retry " + Guid.NewGuid().ToString("N");
        var body = BatchBodyObject(partner);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(lapas, "/api/training/batches", body, key);
        var second = await PostAsync(lapas, "/api/training/batches", body, key);

        Assert.Equal(first.Body.GetProperty("batchId").GetString(), second.Body.GetProperty("batchId").GetString());
        Assert.Single(await app.PartitionAsync(TrainingTables.Batches, Offices.LppKupang), row => row.GetString("Partner") == partner);
    }

    [Fact]
    public async Task Enrol_SameBodyTwice_SameAnswerOnePlaceTaken()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas);
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);

        var first = await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments", new { caseId }, key: null);
        var second = await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments", new { caseId }, key: null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        var batch = await lapas.GetFromJsonAsync<JsonElement>($"/api/training/batches/{batchId}");
        Assert.Equal(1, batch.GetProperty("batch").GetProperty("enrolled").GetInt32());
    }

    [Fact]
    public async Task EnrolAsync_AnswerLostAfterTheWrites_RetryTakesNoSecondPlace()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas);
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);
        var service = app.App.Services.GetRequiredService<TrainingService>();
        var staff = new StaffMember("lapas.kupang", "Lapas Kupang", StaffRole.LapasOfficer, Offices.LppKupang);

        // No action log in between: as if the app crashed after the writes, before saving the answer.
        var first = await service.EnrolAsync(staff, batchId, new EnrolRequest(caseId), "crash-key", CancellationToken.None);
        var retry = await service.EnrolAsync(staff, batchId, new EnrolRequest(caseId), "crash-key", CancellationToken.None);

        Assert.Equal(first.CaseId, retry.CaseId);
        var batch = await service.GetBatchAsync(staff, batchId, CancellationToken.None);
        Assert.Equal(1, batch.Batch.Enrolled);
        await Assert.ThrowsAsync<ConflictException>(() =>
            service.EnrolAsync(staff, batchId, new EnrolRequest(caseId), "another-key", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAttendanceAndResult_SameBodyTwice_SameAnswers()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas);
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments", new { caseId }, key: null)).Status);

        var roll = new { session = 1, caseIds = new[] { caseId } };
        var firstRoll = await PostAsync(lapas, $"/api/training/batches/{batchId}/attendance", roll, key: null);
        var secondRoll = await PostAsync(lapas, $"/api/training/batches/{batchId}/attendance", roll, key: null);
        var firstResult = await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments/{caseId}/result", new { passed = true }, "result");
        var secondResult = await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments/{caseId}/result", new { passed = true }, "result");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstRoll.Status, secondRoll.Status));
        Assert.Equal(firstRoll.Body.GetRawText(), secondRoll.Body.GetRawText());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstResult.Status, secondResult.Status));
        Assert.Equal(firstResult.Body.GetRawText(), secondResult.Body.GetRawText());
        Assert.Single(await app.PartitionAsync(TrainingTables.Enrolments, batchId));
    }

    [Fact]
    public async Task EnrolAttendanceAndResult_SameHeaderTwice_EachOnceOnThePersonsTimelineWithTheActor()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas);
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);

        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments", new { caseId }, "enrol")).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(lapas, $"/api/training/batches/{batchId}/attendance", new { session = 2, caseIds = new[] { caseId } }, "roll")).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments/{caseId}/result", new { passed = true }, "result")).Status);
        }

        var enrolled = await TimelineApi.SingleAsync(lapas, caseId, "TrainingEnrolled", "lapas.kupang");
        Assert.Equal((batchId, "FoodProcessing"), (enrolled["batch"], enrolled["track"]));
        var roll = await TimelineApi.SingleAsync(lapas, caseId, "AttendanceRecorded", "lapas.kupang");
        Assert.Equal(("2", "true"), (roll["session"], roll["present"]));
        var result = await TimelineApi.SingleAsync(lapas, caseId, "TrainingResultRecorded", "lapas.kupang");
        Assert.Equal(("true", "false", "25"), (result["passed"], result["completed"], result["attendancePercent"]));
    }

    [Fact]
    public async Task RecordAttendance_TwoParticipants_EachGetsTheSessionPresentOrAbsent()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas);
        var present = await app.SeedTraineeAsync(Offices.LppKupang);
        var absent = await app.SeedTraineeAsync(Offices.LppKupang);
        foreach (var caseId in new[] { present, absent })
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(lapas, $"/api/training/batches/{batchId}/enrolments", new { caseId }, key: null)).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(lapas, $"/api/training/batches/{batchId}/attendance", new { session = 1, caseIds = new[] { present } }, key: null)).Status);

        Assert.Equal("true", (await TimelineApi.SingleAsync(lapas, present, "AttendanceRecorded", "lapas.kupang"))["present"]);
        Assert.Equal("false", (await TimelineApi.SingleAsync(lapas, absent, "AttendanceRecorded", "lapas.kupang"))["present"]);
    }

    [Fact]
    public async Task TrainingActions_CutOffAtEachStorageWrite_RetryWithTheSameKeyRecordsEachOnceOnTheTimeline()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var staff = new StaffMember("lapas.kupang", "Lapas Kupang", StaffRole.LapasOfficer, Offices.LppKupang);
        var healthy = app.App.Services.GetRequiredService<TrainingService>();
        for (var n = 1; n <= 30; n++)
        {
            var batchId = await CreateBatchAsync(lapas);
            var caseId = await app.SeedTraineeAsync(Offices.LppKupang);
            var enrol = new EnrolRequest(caseId);
            var roll = new AttendanceRequest(1, [caseId]);
            var result = new ResultRequest(true);

            var failures = new[]
            {
                await Record.ExceptionAsync(() => Faulty(n).EnrolAsync(staff, batchId, enrol, $"enrol-{n}", CancellationToken.None)),
                await Record.ExceptionAsync(() => healthy.EnrolAsync(staff, batchId, enrol, $"enrol-{n}", CancellationToken.None)),
                await Record.ExceptionAsync(() => Faulty(n).RecordAttendanceAsync(staff, batchId, roll, $"roll-{n}", CancellationToken.None)),
                await Record.ExceptionAsync(() => healthy.RecordAttendanceAsync(staff, batchId, roll, $"roll-{n}", CancellationToken.None)),
                await Record.ExceptionAsync(() => Faulty(n).RecordResultAsync(staff, batchId, caseId, result, $"result-{n}", CancellationToken.None)),
                await Record.ExceptionAsync(() => healthy.RecordResultAsync(staff, batchId, caseId, result, $"result-{n}", CancellationToken.None)),
            };

            Assert.All(failures.Where((_, i) => i % 2 == 1), retry => Assert.Null(retry));
            Assert.Equal(1, (await healthy.GetBatchAsync(staff, batchId, CancellationToken.None)).Batch.Enrolled);
            await TimelineApi.SingleAsync(lapas, caseId, "TrainingEnrolled", "lapas.kupang");
            await TimelineApi.SingleAsync(lapas, caseId, "AttendanceRecorded", "lapas.kupang");
            await TimelineApi.SingleAsync(lapas, caseId, "TrainingResultRecorded", "lapas.kupang");
            if (failures.All(failure => failure is null))
            {
                Assert.True(n > 3, $"Only {n - 1} writes were cut off.");
                return; // n is past the last write of every action: every cut-off point has been tried.
            }
        }

        Assert.Fail("The training actions made more than 30 writes; raise the bound.");
    }

    private TrainingService Faulty(int n) => FaultyStorage.Service<TrainingService>(app.App, n);

    private static async Task<string> CreateBatchAsync(HttpClient staff)
    {
        var created = await PostAsync(staff, "/api/training/batches", BatchBodyObject(Guid.NewGuid().ToString("N")), key: null);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body.GetProperty("batchId").GetString()!;
    }

    private static object BatchBodyObject(string partner) =>
        new { track = "FoodProcessing", partner, startDate = "2025-02-03", endDate = "2025-02-14", sessions = 4 };
}
