using System.Net.Http.Json;
using System.Text.Json;

namespace PepFunctions.App.Tests.Support;

/// <summary>Reads a case's timeline as staff see it: <c>GET /api/cases/{id}/timeline</c>.</summary>
internal static class TimelineApi
{
    /// <summary>The case's entries of <paramref name="action"/>, oldest first.</summary>
    public static async Task<List<JsonElement>> EntriesAsync(HttpClient staff, string caseId, string action)
    {
        var entries = await staff.GetFromJsonAsync<JsonElement>($"/api/cases/{Uri.EscapeDataString(caseId)}/timeline");
        return [.. entries.EnumerateArray().Where(entry => entry.GetProperty("action").GetString() == action)];
    }

    /// <summary>The one entry of <paramref name="action"/>, asserting there is exactly one and that <paramref name="actor"/> did it.</summary>
    /// <returns>The entry's parameters.</returns>
    public static async Task<Dictionary<string, string>> SingleAsync(HttpClient staff, string caseId, string action, string actor)
    {
        var entry = Assert.Single(await EntriesAsync(staff, caseId, action));
        Assert.Equal(actor, entry.GetProperty("actor").GetString());
        return entry.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
