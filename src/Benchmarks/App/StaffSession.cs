using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PepFunctions.Benchmarks.App;

/// <summary>One staff member signed in to the app's JSON API, with their own cookie and connections.</summary>
internal sealed class StaffSession : IDisposable
{
    public const string Password = "pep-demo";

    /// <summary>The demo Lapas officers and their offices: each enrols at their own office.</summary>
    private static readonly (string Username, string Office)[] LapasOfficers =
        [("lapas.kupang", "LPP-KUPANG"), ("lapas.tangerang", "LPP-TANGERANG"), ("lapas.palembang", "LPP-PALEMBANG"), ("lapas.kalabahi", "LP-KALABAHI")];

    private static readonly object Assessment = new
    {
        interests = new[] { "TenunWeaving", "Snacks" },
        priorSkills = new[] { "TenunWeaving" },
        education = "Primary",
        canReadWrite = true,
        preferredBusiness = "Crafts",
    };

    private readonly HttpClient _http;

    private StaffSession(HttpClient http, string username, string office)
    {
        _http = http;
        Username = username;
        Office = office;
    }

    public string Username { get; }

    public string Office { get; }

    /// <summary>Signs in as the <paramref name="index"/>th Lapas officer (round robin over the demo accounts).</summary>
    public static async Task<StaffSession> SignInAsync(Uri baseAddress, int index)
    {
        var (username, office) = LapasOfficers[index % LapasOfficers.Length];
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var session = new StaffSession(http, username, office);
        await Expect(await http.PostAsJsonAsync("api/session", new { username, password = Password }), HttpStatusCode.OK);
        return session;
    }

    /// <summary>Enrols a person with their consent at this officer's office; returns the case id.</summary>
    public async Task<string> EnrolAsync(string registrationNumber)
    {
        var response = await _http.PostAsJsonAsync("api/cases", new
        {
            officeCode = Office,
            registrationNumber,
            fullName = "Peserta Uji Beban",
            nik = "5371014101900001",
            expectedReleaseDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            consent = new { recordedBy = Username, recordedAt = DateTimeOffset.UtcNow, scope = new[] { "Programme" } },
        });
        await Expect(response, HttpStatusCode.Created);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("caseId").GetString()!;
    }

    /// <summary>Records the assessment (202): the staff action whose answer and follow-on the latency part times.</summary>
    public async Task RecordAssessmentAsync(string caseId) =>
        await Expect(await _http.PostAsJsonAsync($"api/cases/{caseId}/assessment", Assessment), HttpStatusCode.Accepted);

    /// <summary>The stage <c>GET /api/cases/{id}</c> shows.</summary>
    public async Task<string> StageAsync(string caseId)
    {
        var response = await _http.GetAsync($"api/cases/{caseId}");
        await Expect(response, HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("progress").GetProperty("stage").GetString()!;
    }

    public void Dispose() => _http.Dispose();

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
