using System.Net;
using PepFunctions.App.Tests.Support;
using static PepFunctions.App.Tests.Web.PersonPages;

namespace PepFunctions.App.Tests.Web;

/// <summary>The batch page <c>/pelatihan/{batchId}</c>: placing a person, the roll call, the result and the certificate.</summary>
public sealed class BatchPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private const string ResultForm = "form[action*='handler=Result']";
    private const string CertificateForm = "form[action*='handler=Certificate']";
    private static readonly UploadedFile Pdf = new("sertifikat.pdf", "application/pdf", "%PDF-1.7\n%sertifikat\n"u8.ToArray());
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task PlacePerson_PersonInTraining_ListsThemAsParticipant()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await InTrainingAsync(lapas, "WBP-2025-0801");
        var batch = await OpenBatchAsync(lapas);

        var (response, _) = await lapas.SubmitAsync(batch, "form#enrol-participant", ("EnrolCaseId", caseId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("WBP dimasukkan ke kelas pelatihan.", Saved(page));
        Assert.Contains("Ana Kase", page.QuerySelector($"#participants a[href='/kasus/{caseId}']")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1 / ", page.QuerySelector("h1 .badge")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("select#EnrolCaseId option"), o => o.GetAttribute("value") == caseId);
    }

    [Fact]
    public async Task PlacePerson_NobodyChosen_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        await InTrainingAsync(lapas, "WBP-2025-0802");
        var batch = await OpenBatchAsync(lapas);

        var (response, page) = await lapas.SubmitAsync(batch, "form#enrol-participant", ("EnrolCaseId", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pilih WBP yang dimasukkan.", StaffSession.FieldError(page, "Enrol.CaseId"));
        Assert.Equal(0, (await BatchJsonAsync(lapas, batch)).GetProperty("batch").GetProperty("enrolled").GetInt32());
        Assert.Equal("Belum ada peserta.", page.QuerySelector("#participants p")?.TextContent);
    }

    [Fact]
    public async Task Attendance_SessionRollCall_CountsThePresentParticipant()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (batch, caseId) = await WithParticipantAsync(lapas, "WBP-2025-0803", sessions: 4);

        var (response, _) = await lapas.SubmitAsync(batch, "form#attendance", ("Session", "2"), ("Present", caseId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Kehadiran tersimpan.", Saved(page));
        Assert.StartsWith("1 / 4", page.QuerySelector("#participants tbody tr td:nth-child(2)")?.TextContent, StringComparison.Ordinal);
        var participant = (await BatchJsonAsync(lapas, batch)).GetProperty("enrolments")[0];
        Assert.Equal([2], participant.GetProperty("attendedSessions").EnumerateArray().Select(s => s.GetInt32()));
    }

    [Fact]
    public async Task Attendance_SessionOutOfRange_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (batch, caseId) = await WithParticipantAsync(lapas, "WBP-2025-0804", sessions: 4);

        var (response, page) = await lapas.SubmitAsync(batch, "form#attendance", ("Session", "9"), ("Present", caseId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nomor sesi di luar jumlah sesi kelas ini.", StaffSession.FieldError(page, "Attendance.Session"));
        Assert.Empty((await BatchJsonAsync(lapas, batch)).GetProperty("enrolments")[0].GetProperty("attendedSessions").EnumerateArray());
    }

    [Fact]
    public async Task Result_PassedWithFullAttendance_ShowsCompleted()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (batch, caseId) = await WithParticipantAsync(lapas, "WBP-2025-0805", sessions: 1);
        Assert.Equal(HttpStatusCode.Redirect, (await lapas.SubmitAsync(batch, "form#attendance", ("Session", "1"), ("Present", caseId))).Response.StatusCode);

        var (response, _) = await lapas.SubmitAsync(batch, ResultForm, ("Passed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Hasil pelatihan tersimpan.", Saved(page));
        Assert.StartsWith("Lulus", page.QuerySelector("#participants tbody tr td:nth-child(3)")?.TextContent.Trim(), StringComparison.Ordinal);
        var participant = (await BatchJsonAsync(lapas, batch)).GetProperty("enrolments")[0];
        Assert.True(participant.GetProperty("passed").GetBoolean());
        Assert.True(participant.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Result_NothingChosen_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (batch, _) = await WithParticipantAsync(lapas, "WBP-2025-0806", sessions: 1);

        var (response, page) = await lapas.SubmitAsync(batch, ResultForm);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pilih lulus atau tidak lulus.", page.QuerySelector($"{ResultForm} [data-valmsg-for='Result.Passed']")?.TextContent.Trim());
        var participant = (await BatchJsonAsync(lapas, batch)).GetProperty("enrolments")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, participant.GetProperty("passed").ValueKind);
    }

    [Fact]
    public async Task Certificate_Pdf_IsLinkedFromTheParticipant()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (batch, _) = await WithParticipantAsync(lapas, "WBP-2025-0807", sessions: 1);

        var (response, _) = await lapas.SubmitFileAsync(batch, CertificateForm, "certificate", Pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Sertifikat tersimpan.", Saved(page));
        var link = page.QuerySelector("#participants a[href*='handler=Certificate']")?.GetAttribute("href");
        Assert.NotNull(link);
        using var file = await lapas.Http.GetAsync(new Uri(new Uri(lapas.Http.BaseAddress!, batch), link));
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf.Content, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Certificate_NotAPdfOrImage_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (batch, _) = await WithParticipantAsync(lapas, "WBP-2025-0808", sessions: 1);

        var (response, page) = await lapas.SubmitFileAsync(batch, CertificateForm, "certificate", new UploadedFile("sertifikat.pdf", "application/pdf", "not a pdf"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Jenis berkas tidak diterima.", page.QuerySelector($"{CertificateForm} [data-valmsg-for='Certificate.File']")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#participants a[href*='handler=Certificate']"));
        Assert.False((await BatchJsonAsync(lapas, batch)).GetProperty("enrolments")[0].GetProperty("hasCertificate").GetBoolean());
    }

    /// <summary>Opens a tenun batch at Lapas Perempuan Kupang through the form and returns its page's path.</summary>
    private static async Task<string> OpenBatchAsync(StaffSession lapas, int sessions = 10)
    {
        var (response, _) = await lapas.SubmitAsync("/pelatihan", "form#batch",
            ("Batch.Track", "TenunWeaving"), ("Batch.Partner", "Pokmas Lipas"), ("Batch.StartDate", Date(Today)),
            ("Batch.EndDate", Date(Today.AddDays(30))), ("Batch.Sessions", sessions.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return location[..location.IndexOf('?', StringComparison.Ordinal)];
    }

    /// <summary>A batch with one person in training placed in it, through the forms.</summary>
    private static async Task<(string Batch, string CaseId)> WithParticipantAsync(StaffSession lapas, string registrationNumber, int sessions)
    {
        var caseId = await InTrainingAsync(lapas, registrationNumber);
        var batch = await OpenBatchAsync(lapas, sessions);
        var (response, _) = await lapas.SubmitAsync(batch, "form#enrol-participant", ("EnrolCaseId", caseId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (batch, caseId);
    }

    private static Task<System.Text.Json.JsonElement> BatchJsonAsync(StaffSession session, string batch) =>
        JsonAsync(session, "/api/training/batches/" + batch["/pelatihan/".Length..]);
}
