using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Capital;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>
/// Lists apply the same mentor scope and consent as a single record: a Pokmas Lipas mentor lists only their own mentees who
/// consented to <c>ShareWithMentors</c>, and names only those as participants of a Pokmas activity, each checked on its own.
/// </summary>
public sealed class MentorListScopeTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task ListDueFollowUps_MenteeWithoutShareWithMentors_LeftOutForTheMentorListedForTheOfficer()
    {
        var refused = await MenteeAsync("mentor.kupang", ConsentPurpose.Programme);
        var consented = await MenteeAsync("mentor.kupang", ConsentPurpose.Programme, ConsentPurpose.ShareWithMentors);
        await DueAsync(refused);
        await DueAsync(consented);
        using var mentor = await app.SignInAsync("mentor.kupang");
        using var officer = await app.SignInAsync("pk.kupang");

        var mentorList = await CaseIdsAsync(mentor, "/api/follow-ups");
        var officerList = await CaseIdsAsync(officer, "/api/follow-ups");

        Assert.DoesNotContain(refused, mentorList);
        Assert.Contains(consented, mentorList);
        Assert.Contains(refused, officerList);
    }

    [Fact]
    public async Task ListWaitingReferrals_Mentor_ListsOnlyTheirConsentingMentees()
    {
        var refused = await MenteeAsync("mentor.kupang", ConsentPurpose.Programme, ConsentPurpose.ShareWithFinancingPartners);
        var someoneElses = await MenteeAsync("pk.kupang", Enum.GetValues<ConsentPurpose>());
        var consented = await MenteeAsync("mentor.kupang", Enum.GetValues<ConsentPurpose>());
        var waiting = app.Table("ReferralsWaiting");
        await waiting.CreateIfNotExistsAsync();
        foreach (var caseId in new[] { refused, someoneElses, consented })
        {
            await waiting.AddEntityAsync(new TableEntity(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"), caseId + "|ref-1")
            {
                ["SubmittedAt"] = DateTimeOffset.UtcNow, ["OfficeCode"] = Offices.BapasKupang, ["SubmittedBy"] = "pk.kupang", ["PartnerName"] = "Bank NTT",
            });
        }

        var referrals = app.App.Services.GetRequiredService<ReferralService>();

        var mentorList = (await referrals.ListWaitingAsync(StaffDirectory.FindDemo("mentor.kupang")!, null, CancellationToken.None)).Select(r => r.CaseId).ToList();
        var officerList = (await referrals.ListWaitingAsync(StaffDirectory.FindDemo("pk.kupang")!, null, CancellationToken.None)).Select(r => r.CaseId).ToList();

        Assert.Equal([consented], mentorList.Where(id => id == refused || id == someoneElses || id == consented));
        Assert.Equal(3, officerList.Count(id => id == refused || id == someoneElses || id == consented));
    }

    [Fact]
    public async Task RecordActivity_MentorNamesAnotherMentorsPerson_Returns400NamingTheParticipant()
    {
        using var pk = await app.SignInAsync("pk.kupang");
        using var mentor = await app.SignInAsync("mentor.kupang");
        using var created = await pk.PostAsJsonAsync("/api/pokmas/groups", new
        {
            name = "Pokmas Lipas Sumba", officeCode = Offices.BapasKupang, members = new object[] { new { username = "mentor.kupang" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groupId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupId").GetString()!;
        var own = await MenteeAsync("mentor.kupang", Enum.GetValues<ConsentPurpose>());
        var others = await MenteeAsync("pk.kupang", Enum.GetValues<ConsentPurpose>());
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var byMentor = await mentor.PostAsJsonAsync($"/api/pokmas/groups/{groupId}/activities",
            new { date = today, kind = "Mentoring", place = "Waingapu", participants = new[] { own, others }, otherAttendees = 0 });
        using var byOfficer = await pk.PostAsJsonAsync($"/api/pokmas/groups/{groupId}/activities",
            new { date = today, kind = "Mentoring", place = "Waingapu", participants = new[] { own, others }, otherAttendees = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, byMentor.StatusCode);
        var errors = (await byMentor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["participants[1]"], errors.EnumerateObject().Select(e => e.Name).Where(n => n.StartsWith("participants", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, byOfficer.StatusCode);
    }

    private async Task<string> MenteeAsync(string mentor, params ConsentPurpose[] consent)
    {
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang, mentor);
        var scope = string.Join(",", consent.Select(p => $"\"{p}\""));
        await app.Table("Cases").UpsertEntityAsync(new TableEntity(caseId, caseId)
        {
            ["ConsentJson"] = $$"""{"recordedBy":"test","recordedAt":"2026-01-01T00:00:00Z","scope":[{{scope}}]}""",
        }, TableUpdateMode.Merge);
        return caseId;
    }

    private async Task DueAsync(string caseId)
    {
        var due = app.Table(FollowUpTables.FollowUpsDue);
        await due.CreateIfNotExistsAsync();
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        await due.AddEntityAsync(new TableEntity(FollowUpTables.DateKey(yesterday), FollowUpTables.DueKey(caseId, 1))
        {
            ["CaseId"] = caseId, ["Sequence"] = 1, ["DueAt"] = yesterday, ["OfficeCode"] = Offices.BapasKupang,
            ["MentorUsername"] = "mentor.kupang", ["State"] = "Overdue",
        });
    }

    private static async Task<List<string?>> CaseIdsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(c => c.GetProperty("caseId").GetString())];
}
