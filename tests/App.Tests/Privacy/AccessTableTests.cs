using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>
/// The access table of <c>docs/privacy.md</c> ("Who may read and change what") is what the app does: every role walks every
/// route of the table, on a person inside its scope, and the answer is compared with the table's cell.
/// </summary>
public sealed class AccessTableTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    /// <summary>One demo account of each role.</summary>
    private static readonly Dictionary<StaffRole, string> Accounts = new()
    {
        [StaffRole.LapasOfficer] = "lapas.kupang",
        [StaffRole.BapasOfficer] = "pk.kupang",
        [StaffRole.PokmasMentor] = "mentor.kupang",
        [StaffRole.KanwilCoordinator] = "kanwil.ntt",
        [StaffRole.NationalCurator] = "kurator",
        [StaffRole.Administrator] = "admin",
    };

    private static readonly byte[] Photo = [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];

    /// <remarks>A route's <c>{id}</c>, <c>{productId}</c> and <c>{office}</c> are the role's subject: a person in its scope.</remarks>
    [Fact]
    public async Task EveryRoute_EveryRole_AnswersAsTheAccessTableSays()
    {
        var table = AccessTable.Read("access-table:reads");
        Assert.True(table.Rows.Count >= 20, "The table lists the routes that read personal data.");
        var atLapas = await SeedPersonAsync(Offices.LppKupang, mentor: null, "lapas.kupang");
        var atBapas = await SeedPersonAsync(Offices.BapasKupang, "mentor.kupang", "pk.kupang");
        var subjectOf = new Dictionary<StaffRole, (string CaseId, string ProductId)>
        {
            [StaffRole.LapasOfficer] = atLapas, [StaffRole.NationalCurator] = atLapas,
            [StaffRole.BapasOfficer] = atBapas, [StaffRole.PokmasMentor] = atBapas, [StaffRole.KanwilCoordinator] = atBapas, [StaffRole.Administrator] = atBapas,
        };

        var officeOf = new Dictionary<string, string> { [atLapas.CaseId] = Offices.LppKupang, [atBapas.CaseId] = Offices.BapasKupang };
        var differences = new List<string>();
        foreach (var (role, username) in Accounts)
        {
            using var client = await app.SignInAsync(username);
            var (caseId, productId) = subjectOf[role];
            foreach (var row in table.Rows)
            {
                var path = row.Key.Replace("GET ", "", StringComparison.Ordinal).Replace("{id}", caseId, StringComparison.Ordinal)
                    .Replace("{productId}", productId, StringComparison.Ordinal).Replace("{office}", officeOf[caseId], StringComparison.Ordinal);
                var allowed = row.Value[role.ToString()];
                if (await DisagreementAsync(client, row.Key, path, caseId, allowed) is { } what)
                {
                    differences.Add($"{role} {row.Key}: table says {(allowed ? "✓" : "—")}, app answered {what}");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void ChangeTable_EveryAction_MatchesTheAccessPolicy()
    {
        var table = AccessTable.Read("access-table:changes");

        var differences = Enum.GetValues<PipelineAction>()
            .SelectMany(action => Enum.GetValues<StaffRole>().Select(role => (action, role)))
            .Where(pair => table.Rows[$"{pair.action}"][pair.role.ToString()] != AccessPolicy.RolesAllowedTo(pair.action).Contains(pair.role))
            .Select(pair => $"{pair.role} {pair.action}")
            .ToList();

        Assert.Empty(differences);
    }

    [Fact]
    public async Task Curate_NationalCurator_CuratesWithoutSeeingThePerson()
    {
        var (caseId, productId) = await SeedPersonAsync(Offices.LppKupang, mentor: null, "lapas.kupang");
        using var curator = await app.SignInAsync("kurator");

        using var record = await curator.GetAsync($"/api/cases/{caseId}");
        using var export = await curator.GetAsync($"/api/cases/{caseId}/export");
        using var decided = await curator.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/curation", new { decision = "Approved" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (record.StatusCode, export.StatusCode, decided.StatusCode));
    }

    /// <summary>
    /// Whether the answer on <paramref name="route"/> agrees with the table's cell. ✓: a 2xx, which for a list of people names the
    /// subject. —: a 403 or 404; for a list (no <c>{id}</c> in the route), a 2xx that names no case at all is a refusal too.
    /// </summary>
    private static async Task<string?> DisagreementAsync(HttpClient client, string route, string path, string caseId, bool allowed)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"GET {path}: {status} {body}");
            return allowed ? $"refused ({status})" : null;
        }

        var perCase = route.Contains("{id}", StringComparison.Ordinal);
        if (allowed)
        {
            return ListsThePerson(route) && !body.Contains(caseId, StringComparison.Ordinal) ? $"{status} without the subject" : null;
        }

        return perCase || body.Contains("case-", StringComparison.Ordinal) ? $"{status} with content" : null;
    }

    /// <summary>Whether a ✓ on <paramref name="route"/> means the subject is listed (the other lists may hold nobody of the scope yet).</summary>
    private static bool ListsThePerson(string route) => route is "GET /api/cases" or "GET /api/cases.csv" or "GET /api/curation";

    /// <summary>A person held by <paramref name="officeCode"/> with a nominated product that has a photo; listed in the office's summary.</summary>
    private async Task<(string CaseId, string ProductId)> SeedPersonAsync(string officeCode, string? mentor, string officer)
    {
        var caseId = await app.SeedCaseAsync(officeCode, mentor);
        var record = (await app.Table("Cases").GetEntityAsync<TableEntity>(caseId, caseId)).Value;
        record["LapasCode"] = Offices.LppKupang;
        record["Province"] = "NTT";
        record["RegistrationNumber"] = "T-" + caseId[^6..];
        record["FullName"] = "Test";
        record["ExpectedReleaseDate"] = "2027-01-01";
        record["Stage"] = nameof(PipelineStage.Mentoring);
        record["CreatedBy"] = officer;
        await app.Table("Cases").UpdateEntityAsync(record, record.ETag);
        var summaries = app.Table("CasesByOffice");
        await summaries.CreateIfNotExistsAsync();
        await summaries.AddEntityAsync(new TableEntity(officeCode, caseId)
        {
            ["RegistrationNumber"] = "T-" + caseId[^6..], ["DisplayName"] = "Test", ["Stage"] = nameof(PipelineStage.Mentoring),
            ["MentorUsername"] = mentor, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Version"] = 1L,
        });
        using var staff = await app.SignInAsync(officer);
        using var added = await staff.PostAsJsonAsync($"/api/cases/{caseId}/products",
            new { name = "Selendang", category = "Textile", description = "Tenun ikat", priceRupiah = 150_000 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var productId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("productId").GetString()!;
        var file = new ByteArrayContent(Photo);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/webp");
        using (var upload = await staff.PostAsync($"/api/cases/{caseId}/products/{productId}/photo", new MultipartFormDataContent { { file, "file", "photo" } }))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using (var nominated = await staff.PostAsync($"/api/cases/{caseId}/products/{productId}/nomination", null))
        {
            Assert.Equal(HttpStatusCode.OK, nominated.StatusCode);
        }

        return (caseId, productId);
    }
}

/// <summary>A table of <c>docs/privacy.md</c> between <c>&lt;!-- name --&gt;</c> and <c>&lt;!-- /name --&gt;</c>: the first cell (without backticks) to each role's ✓ or —.</summary>
internal sealed record AccessTable(Dictionary<string, Dictionary<string, bool>> Rows)
{
    public static AccessTable Read(string name)
    {
        var document = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "privacy.md"));
        var start = document.IndexOf($"<!-- {name} -->", StringComparison.Ordinal);
        var end = document.IndexOf($"<!-- /{name} -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/privacy.md has no table {name}.");
        var lines = document[start..end].Split('\n').Where(line => line.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        var rows = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(2))
        {
            var cells = Cells(line);
            rows[cells[0].Trim('`')] = header.Select((role, i) => (role, i))
                .Where(column => Enum.TryParse<StaffRole>(column.role, out _))
                .ToDictionary(column => column.role, column => cells[column.i] switch
                {
                    "✓" => true,
                    "—" => false,
                    var other => throw new InvalidOperationException($"Cell '{other}' of {cells[0]} is neither ✓ nor —."),
                });
        }

        return new(rows);
    }

    private static List<string> Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];
}
