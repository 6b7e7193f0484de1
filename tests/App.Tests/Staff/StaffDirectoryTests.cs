using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Staff;

/// <summary>
/// The staff directory end to end, as deployed: demo accounts off, the platform's header trusted
/// (<c>Staff:TrustPlatformHeaders</c> and <c>WEBSITE_AUTH_ENABLED=True</c>), one bootstrap administrator, and every
/// request signed in by <c>X-MS-CLIENT-PRINCIPAL</c> as App Service authentication sends it.
/// </summary>
public sealed class StaffDirectoryTests(StaffDirectoryTests.DeployedApp app) : IClassFixture<StaffDirectoryTests.DeployedApp>
{
    internal static readonly PlatformPrincipal Administrator = new("Boss@Kemenkumham.example", "aaaaaaaa-0000-0000-0000-000000000001", PlatformPrincipal.MinistryTenant);

    [Fact]
    public async Task AddStaff_BootstrapAdministratorAddsLapasOfficer_OfficerEnrolsAPerson()
    {
        var officer = PlatformPrincipal.New($"officer.{Guid.NewGuid():N}@kemenkumham.example");
        using var admin = Client(Administrator);

        using var added = await admin.PostAsJsonAsync("/api/staff", Record(officer.Username, StaffRole.LapasOfficer, Offices.LppKupang));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        using var client = Client(officer);
        using var enrolled = await client.PostAsJsonAsync("/api/cases", CaseApp.Enrollment(Offices.LppKupang));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
    }

    [Fact]
    public async Task ReplaceStaff_AdministratorDeactivatesOfficer_OfficersNextRequestIsRefused()
    {
        var officer = await AddAsync(StaffRole.LapasOfficer, Offices.LppKupang);
        using var client = Client(officer);
        using var before = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var admin = Client(Administrator);
        using var deactivated = await admin.PutAsJsonAsync($"/api/staff/{officer.Username}", Record(officer.Username, StaffRole.LapasOfficer, Offices.LppKupang, active: false));
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);

        using var after = await client.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task ReplaceStaff_OfficerMovedToAnotherOffice_SeesTheNewOfficesCasesAtOnce()
    {
        var officer = await AddAsync(StaffRole.LapasOfficer, Offices.LppKupang);
        using var admin = Client(Administrator);
        using var client = Client(officer);
        var tangerangCase = await EnrolAsync(await AddAsync(StaffRole.LapasOfficer, Offices.LppTangerang), Offices.LppTangerang);
        Assert.DoesNotContain(tangerangCase, await CaseIdsAsync(client));

        using var moved = await admin.PutAsJsonAsync($"/api/staff/{officer.Username}", Record(officer.Username, StaffRole.LapasOfficer, Offices.LppTangerang));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        Assert.Contains(tangerangCase, await CaseIdsAsync(client));
    }

    [Fact]
    public async Task AddStaff_KanwilCoordinator_AddsInTheirProvinceOnly()
    {
        var coordinator = await AddAsync(StaffRole.KanwilCoordinator, Offices.KanwilNtt);
        using var kanwil = Client(coordinator);

        using var inProvince = await kanwil.PostAsJsonAsync("/api/staff", Record(Unique(), StaffRole.LapasOfficer, Offices.LpKalabahi));
        using var otherProvince = await kanwil.PostAsJsonAsync("/api/staff", Record(Unique(), StaffRole.LapasOfficer, Offices.LppTangerang));
        using var administrator = await kanwil.PostAsJsonAsync("/api/staff", Record(Unique(), StaffRole.Administrator, Offices.LppKupang));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (inProvince.StatusCode, otherProvince.StatusCode, administrator.StatusCode));
    }

    [Fact]
    public async Task Session_SignInNameNotInTheDirectory_Returns401()
    {
        using var stranger = Client(PlatformPrincipal.New($"stranger.{Guid.NewGuid():N}@example.org"));

        using var response = await stranger.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Session_RenamedAccountWithTheSameObjectId_IsStillRecognised()
    {
        var officer = await AddAsync(StaffRole.LapasOfficer, Offices.LppKupang);
        using (var first = Client(officer))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/session")).StatusCode);
        }

        using var renamed = Client(officer with { Username = $"renamed.{Guid.NewGuid():N}@kemenkumham.example" });
        using var response = await renamed.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(officer.Username, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("username").GetString());
    }

    [Fact]
    public async Task Session_SameNameButAnotherObjectId_Returns401()
    {
        var officer = await AddAsync(StaffRole.LapasOfficer, Offices.LppKupang);
        using (var first = Client(officer))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/session")).StatusCode);
        }

        using var impostor = Client(officer with { ObjectId = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Unauthorized, (await impostor.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task AddStaff_EveryFieldWrong_Returns400NamingEachField()
    {
        using var admin = Client(Administrator);

        using var response = await admin.PostAsJsonAsync("/api/staff", new
        {
            username = "no spaces allowed", displayName = "", role = "Warden", officeCode = "LP-NOWHERE", email = "not-an-address", phone = "call me", active = (bool?)null,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["active", "displayName", "email", "officeCode", "phone", "role", "username"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddStaff_SameRequestSentTwice_AnswersTheFirstRecordAgain()
    {
        using var admin = Client(Administrator);
        var body = Record(Unique(), StaffRole.LapasOfficer, Offices.LppKupang);

        using var first = await admin.PostAsJsonAsync("/api/staff", body);
        using var second = await admin.PostAsJsonAsync("/api/staff", body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task ListStaff_Filters_ReturnOnlyMatchingRecords()
    {
        var officer = await AddAsync(StaffRole.BapasOfficer, Offices.BapasKupang);
        using var admin = Client(Administrator);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/staff?office={Offices.BapasKupang}&role=BapasOfficer&active=true");

        Assert.Contains(officer.Username, list.EnumerateArray().Select(s => s.GetProperty("username").GetString()));
        Assert.All(list.EnumerateArray(), s => Assert.Equal(("BapasOfficer", Offices.BapasKupang),
            (s.GetProperty("role").GetString(), s.GetProperty("officeCode").GetString())));
    }

    [Fact]
    public async Task GetStaffChanges_AfterAChange_AdministratorSeesWhoWhenBeforeAndAfter()
    {
        var officer = await AddAsync(StaffRole.LapasOfficer, Offices.LppKupang);
        using var admin = Client(Administrator);
        using var changed = await admin.PutAsJsonAsync($"/api/staff/{officer.Username}", Record(officer.Username, StaffRole.LapasOfficer, Offices.LpKalabahi));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var changes = (await admin.GetFromJsonAsync<JsonElement>($"/api/staff/{officer.Username}/changes")).EnumerateArray().ToList();

        Assert.Equal(2, changes.Count);
        Assert.Equal(Administrator.Username, changes[0].GetProperty("changedBy").GetString());
        Assert.Equal((Offices.LppKupang, Offices.LpKalabahi),
            (changes[0].GetProperty("before").GetProperty("officeCode").GetString(), changes[0].GetProperty("after").GetProperty("officeCode").GetString()));
        using var officerClient = Client(officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerClient.GetAsync($"/api/staff/{officer.Username}/changes")).StatusCode);
    }

    [Fact]
    public async Task ReplaceStaff_DeactivatingMentorOfOpenCases_NeedsSuccessorAndMovesTheCases()
    {
        var mentor = await AddAsync(StaffRole.PokmasMentor, Offices.BapasKupang);
        var successor = await AddAsync(StaffRole.BapasOfficer, Offices.BapasKupang);
        var caseId = await SeedMentoredCaseAsync(mentor.Username);
        using var admin = Client(Administrator);
        var deactivate = Record(mentor.Username, StaffRole.PokmasMentor, Offices.BapasKupang, active: false);

        using var refused = await admin.PutAsJsonAsync($"/api/staff/{mentor.Username}", deactivate);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("successor", out _));

        deactivate["successor"] = successor.Username;
        using var done = await admin.PutAsJsonAsync($"/api/staff/{mentor.Username}", deactivate);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var record = await app.App.Table("Cases").GetEntityAsync<TableEntity>(caseId, caseId);
        Assert.Equal(successor.Username, record.Value.GetString("MentorUsername"));
        var timeline = await app.App.PartitionAsync("CaseTimeline", caseId);
        Assert.Contains(timeline, e => e.GetString("Action") == "MentorChanged" && e.GetString("Actor") == Administrator.Username);
    }

    [Fact]
    public async Task ImportStaff_OneBadRow_StoresNothingAndNamesTheRow()
    {
        using var admin = Client(Administrator);
        var good = Unique();
        var csv = "username,displayName,role,officeCode,supervisor,email,phone\n"
            + $"{good},Petugas Satu,LapasOfficer,{Offices.LppKupang},,{good},0812\n"
            + $"{Unique()},Petugas Dua,Warden,{Offices.LppKupang},,bad-address,\n";

        using var response = await admin.PostAsJsonAsync("/api/staff-import", new { csv });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["row 3: email", "row 3: role"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/staff/{good}")).StatusCode);
    }

    [Fact]
    public async Task ImportStaff_AllRowsGood_StoresEveryRow()
    {
        using var admin = Client(Administrator);
        var (pk, mentor) = (Unique(), Unique());
        var csv = "username,displayName,role,officeCode,supervisor,email,phone\r\n"
            + $"{pk},\"PK, Bapas Kupang\",BapasOfficer,{Offices.BapasKupang},,{pk},\r\n"
            + $"{mentor},Mentor,PokmasMentor,{Offices.BapasKupang},{pk},{mentor},+62 812\r\n";

        using var response = await admin.PostAsJsonAsync("/api/staff-import", new { csv });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/{mentor}");
        Assert.Equal((pk, "+62 812"), (stored.GetProperty("supervisor").GetString(), stored.GetProperty("phone").GetString()));
        Assert.Equal("PK, Bapas Kupang", (await admin.GetFromJsonAsync<JsonElement>($"/api/staff/{pk}")).GetProperty("displayName").GetString());
    }

    private HttpClient Client(PlatformPrincipal principal) => principal.ClientFor(app.App.Http.BaseAddress!);

    private static string Unique() => $"staff.{Guid.NewGuid():N}@kemenkumham.example";

    internal static Dictionary<string, object?> Record(string username, StaffRole role, string officeCode, bool active = true, string? supervisor = null) => new()
    {
        ["username"] = username,
        ["displayName"] = "Petugas uji",
        ["role"] = role.ToString(),
        ["officeCode"] = officeCode,
        ["supervisor"] = supervisor,
        ["email"] = username.Contains('@', StringComparison.Ordinal) ? username : username + "@kemenkumham.example",
        ["phone"] = null,
        ["active"] = active,
    };

    private async Task<PlatformPrincipal> AddAsync(StaffRole role, string officeCode)
    {
        var person = PlatformPrincipal.New(Unique());
        using var admin = Client(Administrator);
        using var response = await admin.PostAsJsonAsync("/api/staff", Record(person.Username, role, officeCode));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return person;
    }

    private async Task<string> EnrolAsync(PlatformPrincipal officer, string officeCode)
    {
        using var client = Client(officer);
        return await CaseApp.EnrolAsync(client, CaseApp.Enrollment(officeCode));
    }

    private static async Task<List<string?>> CaseIdsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(c => c.GetProperty("caseId").GetString())];
    }

    private async Task<string> SeedMentoredCaseAsync(string mentor)
    {
        var caseId = "case-" + Guid.NewGuid().ToString("N")[..12];
        var table = app.App.Table("Cases");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(caseId, caseId)
        {
            ["OfficeCode"] = Offices.BapasKupang, ["Stage"] = nameof(PipelineStage.Mentoring), ["MentorUsername"] = mentor, ["Version"] = 1L,
        });
        return caseId;
    }

    /// <summary>The app as <c>infra/</c> deploys it: demo accounts off, the platform's header trusted, one bootstrap administrator.</summary>
    public sealed class DeployedApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            Set("Staff:DemoAccounts", "false"),
            Set("Staff:TrustPlatformHeaders", "true"),
            Set("WEBSITE_AUTH_ENABLED", "True"),
            Set("Staff:BootstrapAdministrators", "someone.else@kemenkumham.example, " + Administrator.Username.ToLowerInvariant()),
        ];
    }
}
