using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Training;

/// <summary>Training input is strict: every 400 names its fields, all at once; actions the case or batch does not allow answer 409.</summary>
public sealed class TrainingInputTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task CreateBatch_MissingTrackAndDatesHugeSessionsCapacityAndPartner_Returns400NamingEveryField()
    {
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.PostAsJsonAsync("/api/training/batches",
            new { partner = new string('x', 1_000), sessions = 100_000, capacity = 100_000 });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["capacity", "endDate", "partner", "sessions", "startDate", "track"], errors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{\"track\":\"Knitting\",\"startDate\":\"2025-02-03\"}", "track")]
    [InlineData("{\"track\":\"FoodProcessing\",\"startDate\":\"2025-02-30\"}", "startDate")]
    [InlineData("{\"track\":\"FoodProcessing\",\"partner\":\"P\",\"startDate\":\"2025-02-03\",\"endDate\":\"2025-02-04\",\"sessions\":0,\"capacity\":61}", "capacity")]
    public async Task CreateBatch_BadValue_Returns400NamingTheField(string body, string field)
    {
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.PostAsync("/api/training/batches", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, await ErrorsAsync(response));
    }

    [Fact]
    public async Task CreateBatch_CapacitySixtyAndTwoHundredSessions_IsAccepted()
    {
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.PostAsJsonAsync("/api/training/batches", new
        {
            track = "FoodProcessing", partner = Guid.NewGuid().ToString("N"), startDate = "2025-02-03", endDate = "2025-09-30", sessions = 200, capacity = 60,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RecordAttendance_BatchNotStarted_Returns409AndRecordsNothing()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var batchId = await CreateBatchAsync(lapas, start);
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);
        using (var enrolled = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId }))
        {
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        using var response = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/attendance", new { session = 1, caseIds = new[] { caseId } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("", Assert.Single(await app.PartitionAsync(TrainingTables.Enrolments, batchId)).GetString("AttendedSessions"));
    }

    [Theory]
    [InlineData(PipelineStage.Enrollment)]
    [InlineData(PipelineStage.Assessment)]
    [InlineData(PipelineStage.Withdrawn)]
    [InlineData(PipelineStage.Graduated)]
    public async Task Enrol_CaseNotAssessedOrClosed_Returns409AndTakesNoPlace(PipelineStage stage)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas, new DateOnly(2025, 2, 3), capacity: 1);
        var caseId = await app.SeedAtAsync(Offices.LppKupang, stage, releasedAt: null);

        using var response = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await app.PartitionAsync(TrainingTables.Enrolments, batchId));
        var batch = await lapas.GetFromJsonAsync<JsonElement>($"/api/training/batches/{batchId}");
        Assert.Equal(0, batch.GetProperty("batch").GetProperty("enrolled").GetInt32());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../../etc")]
    public async Task Enrol_CaseIdWithAKeyCharacter_Returns400NamingCaseId(string caseId)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas, new DateOnly(2025, 2, 3));

        using var response = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId });

        Assert.Equal(["caseId"], await ErrorsAsync(response));
    }

    [Fact]
    public async Task RecordAttendance_BadSessionAndTooManyCaseIds_Returns400NamingBoth()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas, new DateOnly(2025, 2, 3));

        using var response = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/attendance",
            new { session = 0, caseIds = Enumerable.Range(0, 80).Select(i => $"c{i}").ToArray() });

        Assert.Equal(["caseIds", "session"], (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UploadCertificate_NoFile_Returns400NamingFile()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas, new DateOnly(2025, 2, 3));
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);

        using var response = await lapas.PostAsync($"/api/training/batches/{batchId}/enrolments/{caseId}/certificate",
            new MultipartFormDataContent { { new StringContent("x"), "note" } });

        Assert.Equal(["file"], await ErrorsAsync(response));
    }

    private static async Task<string> CreateBatchAsync(HttpClient staff, DateOnly start, int? capacity = null)
    {
        using var response = await staff.PostAsJsonAsync("/api/training/batches", new
        {
            track = "FoodProcessing", partner = Guid.NewGuid().ToString("N"), startDate = start.ToString("yyyy-MM-dd"),
            endDate = start.AddDays(10).ToString("yyyy-MM-dd"), sessions = 4, capacity,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(error => error.Name)];
    }
}
