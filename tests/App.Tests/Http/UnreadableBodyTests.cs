using System.Net;
using System.Text;
using System.Text.Json;
using PepFunctions.App.Tests.Cases;

namespace PepFunctions.App.Tests.Http;

/// <summary>
/// A body the app cannot read is the client's fault, answered 400, 413 or 415 with ProblemDetails: never 503 (an
/// outage) and never a dropped connection; a body that is too large is refused by its declared length, before it is read.
/// </summary>
public sealed class UnreadableBodyTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Enrol_BodyNotDeclaredAsJson_Returns415(string? contentType)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(CaseApp.Enrollment()));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await lapas.PostAsync("/api/cases", content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Enrol_MultipartBodyWithABadBoundary_Returns415NotAnOutage()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        using var content = Body("--other\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--other--\r\n", "multipart/form-data; boundary=zzz");

        using var response = await lapas.PostAsync("/api/cases", content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\n\r\n%PDF")]
    public async Task UploadCertificate_MultipartBodyWithoutAFile_Returns400NamingTheField(string body)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        using var content = Body(body, "multipart/form-data; boundary=zzz");

        using var response = await lapas.PostAsync("/api/training/batches/b/enrolments/case-x/certificate", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
    }

    [Fact]
    public async Task Enrol_ThirtyMegabytesDeclared_Returns413()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        using var content = new ByteArrayContent(new byte[30 * 1024 * 1024]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await lapas.PostAsync("/api/cases", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UploadCertificate_BodyOverTheUploadLimit_Returns413()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[12 * 1024 * 1024]), "file", "c.pdf" } };

        using var response = await lapas.PostAsync("/api/training/batches/b/enrolments/case-x/certificate", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static ByteArrayContent Body(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
