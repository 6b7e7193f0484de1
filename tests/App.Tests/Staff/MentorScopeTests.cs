using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Staff;

/// <summary>A Pokmas Lipas mentor sees only the people they mentor; their supervisor, a Bapas officer, sees the whole office.</summary>
public sealed class MentorScopeTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task Timeline_CaseMentoredBySomeoneElse_IsNotFoundForTheMentorButVisibleToTheBapasOfficer()
    {
        var theirs = await SeedAsync("mentor.kupang");
        var others = await SeedAsync("pk.kupang");
        using var mentor = await app.SignInAsync("mentor.kupang");
        using var officer = await app.SignInAsync("pk.kupang");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound),
            ((await mentor.GetAsync($"/api/cases/{theirs}/timeline")).StatusCode, (await mentor.GetAsync($"/api/cases/{others}/timeline")).StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK),
            ((await officer.GetAsync($"/api/cases/{theirs}/timeline")).StatusCode, (await officer.GetAsync($"/api/cases/{others}/timeline")).StatusCode));
    }

    [Fact]
    public async Task ListCases_Mentor_ListsOnlyTheCasesTheyMentor()
    {
        var theirs = await SeedAsync("mentor.kupang");
        var others = await SeedAsync(mentor: null);
        using var mentor = await app.SignInAsync("mentor.kupang");
        using var officer = await app.SignInAsync("pk.kupang");

        var mentorList = await IdsAsync(mentor);
        var officerList = await IdsAsync(officer);

        Assert.Contains(theirs, mentorList);
        Assert.DoesNotContain(others, mentorList);
        Assert.Contains(others, officerList);
    }

    private async Task<string> SeedAsync(string? mentor)
    {
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang, mentor);
        var summaries = app.Table("CasesByOffice");
        await summaries.CreateIfNotExistsAsync();
        await summaries.AddEntityAsync(new TableEntity(Offices.BapasKupang, caseId)
        {
            ["RegistrationNumber"] = "T-" + caseId[^6..], ["DisplayName"] = "Test", ["Stage"] = nameof(PipelineStage.Mentoring),
            ["MentorUsername"] = mentor, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Version"] = 1L,
        });
        return caseId;
    }

    private static async Task<List<string?>> IdsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray().Select(c => c.GetProperty("caseId").GetString())];
}
