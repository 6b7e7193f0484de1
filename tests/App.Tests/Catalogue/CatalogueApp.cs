using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Catalogue;

/// <summary>The app with demo staff and a catalogue that reads afresh on every request, so a change shows at once.</summary>
public sealed class CatalogueApp : FeatureApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        Set("Catalogue:CacheFor", "00:00:00"),
        Set("Catalogue:OrderContacts:LPP-KUPANG", "WhatsApp Giatja 0812-0000-0101"),
    ];

    /// <summary>A person at <paramref name="officeCode"/> with the given consent, and a product of theirs curated as produk unggulan.</summary>
    public async Task<CuratedProduct> CuratedProductAsync(
        string officeCode, string staffUsername, string productName, string category, bool promotion, bool photo = false)
    {
        var staff = await SignInAsync(staffUsername);
        var curator = await SignInAsync("kurator");
        var caseId = await SeedCaseAsync(officeCode);
        var person = new CuratedProduct(caseId, "", "Maria Goreti Nenobais " + caseId[^4..], "5371" + caseId[^8..].GetHashCode().ToString("D12")[^12..], "WBP-" + caseId[^6..]);
        // Nominating needs the consent to promotion; a maker without it is one who withdrew it after the curation.
        await SetPersonAsync(person, promotion: true);

        using (var added = await staff.PostAsJsonAsync($"/api/cases/{caseId}/products", new { name = productName, category, description = "Buatan " + person.FullName, priceRupiah = 250_000 }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            person = person with { ProductId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("productId").GetString()! };
        }

        if (photo)
        {
            var file = new ByteArrayContent([.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0]);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/webp");
            using var uploaded = await staff.PostAsync($"/api/cases/{caseId}/products/{person.ProductId}/photo", new MultipartFormDataContent { { file, "file", "photo" } });
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        using (var nominated = await staff.PostAsync($"/api/cases/{caseId}/products/{person.ProductId}/nomination", null))
        {
            Assert.Equal(HttpStatusCode.OK, nominated.StatusCode);
        }

        using (var approved = await curator.PostAsJsonAsync($"/api/cases/{caseId}/products/{person.ProductId}/curation", new { decision = "Approved" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        if (!promotion)
        {
            await SetPersonAsync(person, promotion: false);
        }

        return person;
    }

    /// <summary>Writes the person's identifying fields and consent on their record, as the enrolment would.</summary>
    public async Task SetPersonAsync(CuratedProduct person, bool promotion)
    {
        ConsentPurpose[] scope = promotion
            ? [ConsentPurpose.Programme, ConsentPurpose.ShareWithMentors, ConsentPurpose.ProductPromotion]
            : [ConsentPurpose.Programme, ConsentPurpose.ShareWithMentors];
        var consent = new { recordedBy = "lapas.kupang", recordedAt = DateTimeOffset.UtcNow, scope = scope.Select(p => p.ToString()) };
        await Table("Cases").UpsertEntityAsync(new TableEntity(person.CaseId, person.CaseId)
        {
            ["FullName"] = person.FullName,
            ["Nik"] = person.Nik,
            ["RegistrationNumber"] = person.RegistrationNumber,
            ["ConsentJson"] = JsonSerializer.Serialize(consent),
        }, TableUpdateMode.Merge);
    }
}

/// <summary>A curated product and the maker's identifying fields, which the catalogue must never show.</summary>
public sealed record CuratedProduct(string CaseId, string ProductId, string FullName, string Nik, string RegistrationNumber)
{
    /// <summary>The strings that would identify the maker.</summary>
    public IEnumerable<string> Identifying => [CaseId, FullName, Nik, RegistrationNumber];
}
