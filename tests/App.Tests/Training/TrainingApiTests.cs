using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Training;
using PepFunctions.Domain;

using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Training;

public sealed class TrainingApiTests(TrainingApiTests.TrainingApp app) : IClassFixture<TrainingApiTests.TrainingApp>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%certificate\n"u8];

    [Fact]
    public async Task Enrol_BatchFull_Returns409WithBilingualMessageAndStoresNothing()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var first = await app.SeedTraineeAsync(Offices.LppKupang);
        var second = await app.SeedTraineeAsync(Offices.LppKupang);
        var batchId = await CreateBatchAsync(lapas, sessions: 5, capacity: 1);
        using (var enrolled = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId = first }))
        {
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        using var refused = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId = second });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("Kelas pelatihan sudah penuh (1 dari 1 peserta)", detail, StringComparison.Ordinal);
        Assert.Contains("The training batch is full (1 of 1 participants)", detail, StringComparison.Ordinal);
        Assert.Equal([first], (await app.PartitionAsync(TrainingTables.Enrolments, batchId)).Select(row => row.RowKey));
        Assert.Empty(await app.PartitionAsync(TrainingTables.CaseTrainings, second));
        var batch = await lapas.GetFromJsonAsync<JsonElement>($"/api/training/batches/{batchId}");
        Assert.Equal(1, batch.GetProperty("batch").GetProperty("enrolled").GetInt32());
    }

    [Fact]
    public async Task RecordResult_AttendanceBelowAndAtThreshold_CompletesOnlyAtEightyPercent()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var atThreshold = await app.SeedTraineeAsync(Offices.LppKupang);
        var below = await app.SeedTraineeAsync(Offices.LppKupang);
        var batchId = await CreateBatchAsync(lapas, sessions: 5);
        await EnrolAsync(lapas, batchId, atThreshold);
        await EnrolAsync(lapas, batchId, below);

        // 4 of 5 sessions (80 %) against 3 of 5 (60 %).
        for (var session = 1; session <= 5; session++)
        {
            string[] present = session switch { 5 => [], 4 => [atThreshold], _ => [atThreshold, below] };
            using var roll = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/attendance", new { session, caseIds = present });
            Assert.Equal(HttpStatusCode.OK, roll.StatusCode);
        }

        var completed = await ResultAsync(lapas, batchId, atThreshold);
        var notCompleted = await ResultAsync(lapas, batchId, below);

        Assert.True(completed.GetProperty("completed").GetBoolean());
        Assert.Equal(80m, completed.GetProperty("attendancePercent").GetDecimal());
        Assert.False(notCompleted.GetProperty("completed").GetBoolean());
        Assert.Contains("below the required 80%", notCompleted.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var trainings = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{below}/trainings");
        Assert.Equal(3, trainings[0].GetProperty("attendedCount").GetInt32());
        Assert.False(trainings[0].GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task RecordAttendance_CaseNotEnrolled_Returns400NamingCaseIds()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var batchId = await CreateBatchAsync(lapas, sessions: 2);

        using var response = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/attendance", new { session = 1, caseIds = new[] { "case-someone-else" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("caseIds", out _));
    }

    [Theory]
    [InlineData("text/plain", "not a certificate")]
    [InlineData("application/pdf", "still not a PDF, only declared as one")]
    public async Task UploadCertificate_WrongType_Returns400AndStoresNothing(string contentType, string content)
    {
        var (lapas, batchId, caseId) = await EnrolledAsync();

        using var response = await UploadAsync(lapas, batchId, caseId, System.Text.Encoding.UTF8.GetBytes(content), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("PDF, JPEG, PNG", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.BlobNamesAsync(caseId + "/"));
        using var download = await lapas.GetAsync($"/api/training/batches/{batchId}/enrolments/{caseId}/certificate");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task UploadCertificate_TooLarge_Returns400AndStoresNothing()
    {
        var (lapas, batchId, caseId) = await EnrolledAsync();
        var large = new byte[2048];
        Pdf.CopyTo(large, 0);

        using var response = await UploadAsync(lapas, batchId, caseId, large, "application/pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("too large", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.BlobNamesAsync(caseId + "/"));
    }

    [Fact]
    public async Task UploadCertificate_Pdf_IsServedBackWithItsTypeOnlyToStaffWhoSeeTheCase()
    {
        var (lapas, batchId, caseId) = await EnrolledAsync();

        using var upload = await UploadAsync(lapas, batchId, caseId, Pdf, "application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        using var download = await lapas.GetAsync($"/api/training/batches/{batchId}/enrolments/{caseId}/certificate");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var otherOffice = await app.SignInAsync("lapas.tangerang");
        using var refused = await otherOffice.GetAsync($"/api/training/batches/{batchId}/enrolments/{caseId}/certificate");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task UploadCertificate_SameFileTwice_OneTimelineEntryWithTheActor_AnotherFileASecond()
    {
        var (lapas, batchId, caseId) = await EnrolledAsync();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var upload = await UploadAsync(lapas, batchId, caseId, Pdf, "application/pdf");
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var entry = await TimelineApi.SingleAsync(lapas, caseId, "CertificateUploaded", "lapas.kupang");
        Assert.Equal(batchId, entry["batch"]);
        using (var other = await UploadAsync(lapas, batchId, caseId, [.. Pdf, .. "%corrected\n"u8], "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(2, (await TimelineApi.EntriesAsync(lapas, caseId, "CertificateUploaded")).Count);
    }

    [Fact]
    public async Task Enrol_BatchOfAnotherOffice_Returns404()
    {
        var kupang = await app.SignInAsync("lapas.kupang");
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var batchId = await CreateBatchAsync(kupang, sessions: 2);
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);

        using var response = await tangerang.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await app.PartitionAsync(TrainingTables.Enrolments, batchId));
    }

    [Fact]
    public async Task CreateBatch_NoCapacity_UsesConfiguredDefault()
    {
        var lapas = await app.SignInAsync("lapas.kupang");

        using var response = await lapas.PostAsJsonAsync("/api/training/batches", new
        {
            track = "TenunWeaving", partner = "Pokmas Lipas", startDate = "2025-03-03", endDate = "2025-03-28", sessions = 8,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25, batch.GetProperty("capacity").GetInt32());
        Assert.Equal(Offices.LppKupang, batch.GetProperty("officeCode").GetString());
        Assert.StartsWith("LPP-KUPANG-2025-03-TENUNWEAVING-", batch.GetProperty("batchId").GetString(), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Lapas, string BatchId, string CaseId)> EnrolledAsync()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);
        var batchId = await CreateBatchAsync(lapas, sessions: 2);
        await EnrolAsync(lapas, batchId, caseId);
        return (lapas, batchId, caseId);
    }

    private static async Task<string> CreateBatchAsync(HttpClient staff, int sessions, int? capacity = null)
    {
        // Each batch is a new action: without its own key, the same body twice would be taken for a retry.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/training/batches")
        {
            Content = JsonContent.Create(new
            {
                track = "FoodProcessing", partner = "Ditjen IKMA Kemenperin", startDate = "2025-02-03", endDate = "2025-02-14", sessions, capacity,
            }),
        };
        request.Headers.Add(PepFunctions.App.Http.IdempotencyKeys.Header, Guid.NewGuid().ToString());
        using var response = await staff.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
    }

    private static async Task EnrolAsync(HttpClient staff, string batchId, string caseId)
    {
        using var response = await staff.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonElement> ResultAsync(HttpClient staff, string batchId, string caseId)
    {
        using var response = await staff.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments/{caseId}/result", new { passed = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient staff, string batchId, string caseId, byte[] content, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent { { file, "file", "certificate.pdf" } };
        return staff.PostAsync($"/api/training/batches/{batchId}/enrolments/{caseId}/certificate", form);
    }

    /// <summary>The demo accounts, uploads of at most 1 KiB, and batches of 25 people unless a batch says otherwise.</summary>
    public sealed class TrainingApp : FeatureApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [.. base.Settings, Set("Files:MaxUploadBytes", "1024"), Set("Pipeline:BatchCapacity", "25")];
    }
}
