using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Staff;

/// <summary>
/// A staff member's Entra binding is repairable: an administrator undoes it (audited) and the next sign-in binds again; a
/// bind cut off between its two writes completes; bootstrap applies only while no active administrator exists; a principal
/// of another tenant is refused.
/// </summary>
public sealed class StaffIdentityTests(StaffIdentityTests.TenantApp app) : IClassFixture<StaffIdentityTests.TenantApp>
{
    private static readonly PlatformPrincipal Administrator = new("chief@kemenkumham.example", "bbbbbbbb-0000-0000-0000-000000000001", PlatformPrincipal.MinistryTenant);

    private const string LateAdministrator = "late.admin@kemenkumham.example";

    [Fact]
    public async Task Session_PrincipalOfAnotherTenant_Returns401()
    {
        var officer = await AddAsync();
        using var stranger = Client(officer with { TenantId = Guid.NewGuid().ToString() });
        using var member = Client(officer);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task Session_ListedBootstrapNameAfterAnActiveAdministrator_Returns401()
    {
        using (var admin = Client(Administrator))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/session")).StatusCode);
        }

        using var late = Client(PlatformPrincipal.New(LateAdministrator));

        Assert.Equal(HttpStatusCode.Unauthorized, (await late.GetAsync("/api/session")).StatusCode);
        Assert.DoesNotContain(await app.App.RowsAsync("Staff"), r => r.RowKey == LateAdministrator);
    }

    [Fact]
    public async Task UnbindStaff_SignInNameReassigned_NewHolderBindsAndTheChangeIsAudited()
    {
        var officer = await AddAsync();
        using (var first = Client(officer))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/session")).StatusCode);
        }

        var newHolder = officer with { ObjectId = Guid.NewGuid().ToString() };
        using var before = Client(newHolder);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/session")).StatusCode);
        using var admin = Client(Administrator);
        using var officerClient = Client(officer);
        using var byOfficer = await officerClient.DeleteAsync($"/api/staff/{officer.Username}/binding");

        using var unbound = await admin.DeleteAsync($"/api/staff/{officer.Username}/binding");
        using var after = Client(newHolder);
        using var session = await after.GetAsync("/api/session");
        using var oldHolder = Client(officer);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unbound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldHolder.GetAsync("/api/session")).StatusCode);
        var changes = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/{officer.Username}/changes");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("changedBy").GetString() == Administrator.Username);
    }

    [Fact]
    public async Task Session_BindStoppedAfterItsIndexRow_CompletesTheBind()
    {
        var officer = await AddAsync();
        // What a request cancelled between the two writes leaves: the index row, and a record without the object id.
        await app.App.Table("Staff").AddEntityAsync(new TableEntity("entra", officer.ObjectId) { ["Username"] = officer.Username.ToLowerInvariant() });
        using var client = Client(officer);

        using var session = await client.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var record = (await app.App.Table("Staff").GetEntityAsync<TableEntity>("member", officer.Username.ToLowerInvariant())).Value;
        Assert.Equal(officer.ObjectId, record.GetString("ObjectId"));
    }

    [Fact]
    public async Task AddStaff_ContactAddressOutsideTheMailDomain_Returns400NamingEmailButAMentorMayHaveOne()
    {
        using var admin = Client(Administrator);
        var officer = StaffDirectoryTests.Record($"staff.{Guid.NewGuid():N}@kemenkumham.example", StaffRole.LapasOfficer, Offices.LppKupang);
        officer["email"] = "someone@gmail.example";
        var mentor = StaffDirectoryTests.Record($"mentor.{Guid.NewGuid():N}@kemenkumham.example", StaffRole.PokmasMentor, Offices.BapasKupang);
        mentor["email"] = "ibu.rosa@gmail.example";

        using var refused = await admin.PostAsJsonAsync("/api/staff", officer);
        using var added = await admin.PostAsJsonAsync("/api/staff", mentor);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    [Fact]
    public async Task AddStaff_KanwilNamesASupervisorOfAnotherProvince_Returns400NamingSupervisor()
    {
        using var admin = Client(Administrator);
        var kanwil = PlatformPrincipal.New($"kanwil.{Guid.NewGuid():N}@kemenkumham.example");
        var banten = $"banten.{Guid.NewGuid():N}@kemenkumham.example";
        var kupang = $"kupang.{Guid.NewGuid():N}@kemenkumham.example";
        foreach (var record in new[]
        {
            StaffDirectoryTests.Record(kanwil.Username, StaffRole.KanwilCoordinator, Offices.KanwilNtt),
            StaffDirectoryTests.Record(banten, StaffRole.LapasOfficer, Offices.LppTangerang),
            StaffDirectoryTests.Record(kupang, StaffRole.BapasOfficer, Offices.BapasKupang),
        })
        {
            using var response = await admin.PostAsJsonAsync("/api/staff", record);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        using var coordinator = Client(kanwil);
        using var outside = await coordinator.PostAsJsonAsync("/api/staff",
            StaffDirectoryTests.Record($"a.{Guid.NewGuid():N}@kemenkumham.example", StaffRole.LapasOfficer, Offices.LppKupang, supervisor: banten));
        using var inside = await coordinator.PostAsJsonAsync("/api/staff",
            StaffDirectoryTests.Record($"b.{Guid.NewGuid():N}@kemenkumham.example", StaffRole.LapasOfficer, Offices.LppKupang, supervisor: kupang));

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("supervisor", out _));
        Assert.True(inside.StatusCode == HttpStatusCode.Created, await inside.Content.ReadAsStringAsync());
    }

    private HttpClient Client(PlatformPrincipal principal) => principal.ClientFor(app.App.Http.BaseAddress!);

    private async Task<PlatformPrincipal> AddAsync()
    {
        var person = PlatformPrincipal.New($"staff.{Guid.NewGuid():N}@kemenkumham.example");
        using var admin = Client(Administrator);
        using var response = await admin.PostAsJsonAsync("/api/staff", StaffDirectoryTests.Record(person.Username, StaffRole.LapasOfficer, Offices.LppKupang));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return person;
    }

    /// <summary>As deployed, with the ministry's tenant configured and two names on the bootstrap list.</summary>
    public sealed class TenantApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            Set("Staff:DemoAccounts", "false"),
            Set("Staff:TrustPlatformHeaders", "true"),
            Set("WEBSITE_AUTH_ENABLED", "True"),
            Set("Staff:TenantId", PlatformPrincipal.MinistryTenant),
            Set("Staff:MailDomain", "kemenkumham.example"),
            Set("Staff:BootstrapAdministrators", Administrator.Username + ", " + LateAdministrator),
        ];
    }
}
