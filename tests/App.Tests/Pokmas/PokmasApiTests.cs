using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Pokmas;

public sealed class PokmasApiTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateGroup_MentorOfTheBapasAndAPlainMember_Returns201AndListsIt()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var kanwil = await app.SignInAsync("kanwil.ntt");

        var group = await CreateGroupAsync(pk, "Pokmas Lipas Sejahtera Kupang");

        Assert.Equal(Offices.BapasKupang, group.GetProperty("officeCode").GetString());
        var members = group.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal("mentor.kupang", members[0].GetProperty("username").GetString());
        Assert.Equal("Bapak Yosef Tefa", members[1].GetProperty("name").GetString());
        var listed = await kanwil.GetFromJsonAsync<JsonElement>($"/api/pokmas/groups?office={Offices.BapasKupang}");
        Assert.Contains(listed.EnumerateArray(), g => g.GetProperty("groupId").GetString() == group.GetProperty("groupId").GetString());
    }

    [Fact]
    public async Task CreateGroup_MentorOfAnotherOfficeNoNameAndLapasOffice_Returns400NamingEachFieldAndStoresNothing()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var before = (await app.RowsAsync("PokmasGroups")).Count;

        using var response = await lapas.PostAsJsonAsync("/api/pokmas/groups", new
        {
            name = "",
            officeCode = Offices.LppKupang,
            members = new object[] { new { username = "mentor.kupang" }, new { username = "x", name = "y" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("members[0].username", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("members[1]", out _), errors.ToString());
        Assert.Equal(before, (await app.RowsAsync("PokmasGroups")).Count);
    }

    [Fact]
    public async Task CreateGroup_AtAnotherOffice_Returns403()
    {
        var tangerang = await app.SignInAsync("lapas.tangerang");

        using var response = await tangerang.PostAsJsonAsync("/api/pokmas/groups", new
        {
            name = "Pokmas Lipas Kupang", officeCode = Offices.BapasKupang, members = new[] { new { name = "Ibu Ani" } },
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RecordActivity_ByMemberMentorSentTwice_ShowsOnceOnEachParticipantsTimeline()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var mentor = await app.SignInAsync("mentor.kupang");
        var groupId = (await CreateGroupAsync(pk, "Pokmas Lipas Flobamora")).GetProperty("groupId").GetString()!;
        var first = await app.SeedCaseAsync(Offices.BapasKupang, "mentor.kupang");
        var second = await app.SeedCaseAsync(Offices.BapasKupang, "mentor.kupang");
        var body = new { date = Today, kind = "Training", place = "Balai desa Oesapa", participants = new[] { first, second }, otherAttendees = 12 };

        using var recorded = await KeyedPostAsync(mentor, $"/api/pokmas/groups/{groupId}/activities", body, "activity-1");
        using var again = await KeyedPostAsync(mentor, $"/api/pokmas/groups/{groupId}/activities", body, "activity-1");

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var activity = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(activity.GetProperty("activityId").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activityId").GetString());
        Assert.Equal(14, activity.GetProperty("reached").GetInt32());
        Assert.Single(await pk.GetFromJsonAsync<JsonElement[]>($"/api/pokmas/groups/{groupId}/activities") ?? []);
        foreach (var caseId in new[] { first, second })
        {
            var entries = (await app.PartitionAsync("CaseTimeline", caseId)).Where(e => e.GetString("Action") == "PokmasActivity").ToList();
            var entry = Assert.Single(entries);
            Assert.Equal("mentor.kupang", entry.GetString("Actor"));
        }
    }

    [Fact]
    public async Task RecordActivity_ParticipantOfAnotherOfficeAndFutureDate_Returns400AndStoresNothing()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var groupId = (await CreateGroupAsync(pk, "Pokmas Lipas Timor")).GetProperty("groupId").GetString()!;
        var elsewhere = await app.SeedCaseAsync(Offices.LppTangerang);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var wrongPerson = await pk.PostAsJsonAsync($"/api/pokmas/groups/{groupId}/activities",
            new { date = Today, kind = "Mentoring", place = "Bapas Kupang", participants = new[] { elsewhere }, otherAttendees = 0 });
        using var wrongDay = await pk.PostAsJsonAsync($"/api/pokmas/groups/{groupId}/activities",
            new { date = future, kind = "Mentoring", place = "", participants = Array.Empty<string>(), otherAttendees = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, wrongPerson.StatusCode);
        Assert.True((await wrongPerson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("participants[0]", out _));
        Assert.Equal(HttpStatusCode.BadRequest, wrongDay.StatusCode);
        var errors = (await wrongDay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _) && errors.TryGetProperty("place", out _) && errors.TryGetProperty("participants", out _), errors.ToString());
        Assert.Empty(await app.PartitionAsync("PokmasActivities", groupId));
        Assert.DoesNotContain(await app.PartitionAsync("CaseTimeline", elsewhere), e => e.GetString("Action") == "PokmasActivity");
    }

    [Fact]
    public async Task Group_OfAnotherProvince_Is404ForReadAndRecord()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var groupId = (await CreateGroupAsync(pk, "Pokmas Lipas Kasih")).GetProperty("groupId").GetString()!;

        using var read = await tangerang.GetAsync($"/api/pokmas/groups/{groupId}");
        using var record = await tangerang.PostAsJsonAsync($"/api/pokmas/groups/{groupId}/activities",
            new { date = Today, kind = "Social", place = "Gereja", participants = Array.Empty<string>(), otherAttendees = 5 });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
    }

    private static async Task<JsonElement> CreateGroupAsync(HttpClient staff, string name)
    {
        using var response = await staff.PostAsJsonAsync("/api/pokmas/groups", new
        {
            name,
            officeCode = Offices.BapasKupang,
            members = new object[] { new { username = "mentor.kupang" }, new { name = "Bapak Yosef Tefa" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> KeyedPostAsync(HttpClient staff, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return staff.SendAsync(request);
    }
}
