using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PepFunctions.App.Tests.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>The case app with a retention of one second after a case closes, and helpers that enrol a person whose name,
/// NIK and registration number appear nowhere else in the storage account, and walk them through the records staff keep.</summary>
public sealed class PrivacyApp : CaseApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, Set("Privacy:RetentionAfterClose", "00:00:01")];
}

/// <summary>A person no other test knows: their name parts, NIK and registration number are random.</summary>
internal sealed record Person(string FirstName, string LastName, string Nik, string RegistrationNumber)
{
    public static Person New() => new(
        "Kirana" + Letters(), "Lapu" + Letters(), "53" + string.Concat(Enumerable.Range(0, 14).Select(_ => RandomNumberGenerator.GetInt32(10))),
        "PDP-" + RandomNumberGenerator.GetHexString(8));

    /// <summary>The values a scan must not find after the person is erased.</summary>
    public string[] Identifying => [FirstName, LastName, Nik, RegistrationNumber];

    /// <summary>The enrolment body, with consent to <paramref name="scope"/> (every purpose when omitted).</summary>
    public Dictionary<string, object?> Enrollment(params string[] scope)
    {
        var body = CaseApp.Enrollment();
        body["registrationNumber"] = RegistrationNumber;
        body["fullName"] = $"{FirstName} {LastName}";
        body["nik"] = Nik;
        body["consent"] = new
        {
            recordedBy = "someone.else", recordedAt = "2020-01-01T00:00:00Z",
            scope = scope.Length > 0 ? scope : Enum.GetNames<ConsentPurpose>(),
        };
        return body;
    }

    private static string Letters() => string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(26))));
}

/// <summary>The staff records a walk before release leaves (sales come after release): an assessment, a referral, a permit, a product with a photo and a showcase,
/// a correction and a consent change, and a view of the case.</summary>
internal static class PersonWalk
{
    /// <summary>A WebP header: the smallest content the photo upload accepts.</summary>
    private static readonly byte[] Photo = [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];

    /// <summary>Adds a product of the person's with a photo, as a Lapas officer; the product's id.</summary>
    public static async Task<string> AddProductWithPhotoAsync(HttpClient lapas, string caseId)
    {
        var product = await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/products",
            new { name = "Selendang", category = "Textile", description = "Tenun ikat", priceRupiah = 150_000 }, HttpStatusCode.Created);
        var productId = product.GetProperty("productId").GetString()!;
        var file = new ByteArrayContent(Photo);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/webp");
        using (var upload = await lapas.PostAsync($"/api/cases/{caseId}/products/{productId}/photo", new MultipartFormDataContent { { file, "file", "photo" } }))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }
        return productId;
    }

    /// <summary>Enrols <paramref name="person"/> at LPP-KUPANG, waits for the assessment stage, and records one of each kind of record.</summary>
    public static async Task<string> WalkAsync(PrivacyApp app, Person person)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment());
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Training);
        await CaseApp.PostAsync(admin, $"/api/cases/{caseId}/referrals",
            new { partnerName = "Bank NTT", kind = "KurBank", amount = 5_000_000, purpose = "Alat tenun" }, HttpStatusCode.Created);
        using (var permit = await admin.PutAsJsonAsync($"/api/cases/{caseId}/permits/Nib", new { appliedOn = "2025-03-01", grantedOn = "2025-03-02" }))
        {
            Assert.True(permit.IsSuccessStatusCode, $"permit: {permit.StatusCode}");
        }

        var productId = await AddProductWithPhotoAsync(lapas, caseId);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/products/{productId}/showcases", new { kind = "SalesChannel", name = "Koperasi Lapas" }, HttpStatusCode.Created);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/correction", new { fullName = $"{person.FirstName} {person.LastName}a" }, HttpStatusCode.OK);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/correction", new { fullName = $"{person.FirstName} {person.LastName}" }, HttpStatusCode.OK);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/consent", new { purpose = "ProductPromotion", withdraw = true }, HttpStatusCode.OK);
        using (var view = await lapas.GetAsync($"/api/cases/{caseId}"))
        {
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        using (var photo = await lapas.GetAsync($"/api/cases/{caseId}/products/{productId}/photo"))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        }

        using (var csv = await lapas.GetAsync("/api/cases.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        }

        return caseId;
    }

    /// <summary>How many cases of LPP-KUPANG each stage holds, as an administrator's list shows them: the programme's figures.</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(HttpClient admin)
    {
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/cases?office=LPP-KUPANG");
        return list.EnumerateArray().GroupBy(c => c.GetProperty("stage").GetString()!).ToDictionary(g => g.Key, g => g.Count());
    }
}
