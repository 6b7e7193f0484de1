using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Training;

/// <summary>
/// A case or batch of an office the member of staff does not see answers 404 on every training, capital and marketing
/// route, exactly as a missing one: no route reveals that it exists or which office holds it.
/// </summary>
public sealed class OtherOfficeRoutesTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Theory]
    [InlineData("lapas.tangerang")]
    [InlineData("kanwil.banten")]
    public async Task EveryRoute_CaseOfAnotherOffice_Returns404LikeAMissingCase(string outsider)
    {
        var admin = await app.SignInAsync("admin");
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedTraineeAsync(Offices.LppKupang);
        var productId = await IdAsync(admin, $"/api/cases/{caseId}/products",
            new { name = "Selendang", category = "Textile", description = "Tenun", priceRupiah = 150_000 }, "productId");
        var referralId = await IdAsync(admin, $"/api/cases/{caseId}/referrals",
            new { partnerName = "Bank NTT", amount = 1_000_000, purpose = "Bahan" }, "referralId");
        var batchId = await IdAsync(lapas, "/api/training/batches",
            new { track = "FoodProcessing", partner = Guid.NewGuid().ToString("N"), startDate = "2025-02-03", endDate = "2025-02-14", sessions = 2 }, "batchId");
        using (var enrolled = await lapas.PostAsJsonAsync($"/api/training/batches/{batchId}/enrolments", new { caseId }))
        {
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        var staff = await app.SignInAsync(outsider);
        var product = $"/api/cases/{caseId}/products/{productId}";
        var batch = $"/api/training/batches/{batchId}";
        (HttpMethod Method, string Path, HttpContent? Body)[] routes =
        [
            (HttpMethod.Get, $"/api/cases/{caseId}/referrals", null),
            (HttpMethod.Post, $"/api/cases/{caseId}/referrals", Json(new { partnerName = "BRI", amount = 1_000_000, purpose = "Bahan" })),
            (HttpMethod.Post, $"/api/cases/{caseId}/referrals/{referralId}/answer", Json(new { status = "Accepted" })),
            (HttpMethod.Get, $"/api/cases/{caseId}/permits", null),
            (HttpMethod.Put, $"/api/cases/{caseId}/permits/Nib", Json(new { appliedOn = "2025-03-01" })),
            (HttpMethod.Get, $"/api/cases/{caseId}/products", null),
            (HttpMethod.Post, $"/api/cases/{caseId}/products", Json(new { name = "Kain", category = "Textile", description = "", priceRupiah = 1 })),
            (HttpMethod.Get, $"{product}/photo", null),
            (HttpMethod.Post, $"{product}/photo", File()),
            (HttpMethod.Post, $"{product}/nomination", null),
            (HttpMethod.Post, $"{product}/showcases", Json(new { kind = "SalesChannel", name = "Toko" })),
            (HttpMethod.Get, $"/api/cases/{caseId}/showcases", null),
            (HttpMethod.Get, $"/api/cases/{caseId}/sales", null),
            (HttpMethod.Post, $"/api/cases/{caseId}/sales", Json(new { month = "2025-01", salesRupiah = 1 })),
            (HttpMethod.Get, $"/api/cases/{caseId}/trainings", null),
            (HttpMethod.Get, batch, null),
            (HttpMethod.Post, $"{batch}/enrolments", Json(new { caseId })),
            (HttpMethod.Post, $"{batch}/attendance", Json(new { session = 1, caseIds = new[] { caseId } })),
            (HttpMethod.Post, $"{batch}/enrolments/{caseId}/result", Json(new { passed = true })),
            (HttpMethod.Post, $"{batch}/enrolments/{caseId}/certificate", File()),
            (HttpMethod.Get, $"{batch}/enrolments/{caseId}/certificate", null),
        ];

        var answers = new List<string>();
        foreach (var (method, path, body) in routes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            using var response = await staff.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            answers.Add($"{method} {path} -> {(int)response.StatusCode} {text}");
        }

        Assert.All(answers, answer => Assert.Contains(" -> 404 ", answer, StringComparison.Ordinal));
        Assert.All(answers, answer => Assert.DoesNotContain("held by", answer, StringComparison.OrdinalIgnoreCase));
        Assert.All(answers, answer => Assert.DoesNotContain("runs at", answer, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static MultipartFormDataContent File()
    {
        var file = new ByteArrayContent([.. "%PDF-1.7\n"u8]);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        return new MultipartFormDataContent { { file, "file", "certificate.pdf" } };
    }

    private static async Task<string> IdAsync(HttpClient staff, string path, object body, string property)
    {
        using var response = await staff.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString()!;
    }
}
