using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PepFunctions.App.Tests.Support;

/// <summary>An administrator's erasure as the API takes it: the request (202, with where to watch it), then the background work run now.</summary>
internal static class ErasureApi
{
    /// <summary>Requests the erasure of <paramref name="caseId"/>, runs the <c>Erasures</c> sweep, and returns the erasure's line.</summary>
    public static async Task<JsonElement> EraseAsync(HttpClient admin, string caseId, string reason)
    {
        using (var requested = await admin.PostAsJsonAsync($"/api/cases/{caseId}/erasure", new { reason }))
        {
            Assert.True(requested.StatusCode == HttpStatusCode.Accepted, $"Erasure: {requested.StatusCode} {await requested.Content.ReadAsStringAsync()}");
            Assert.Equal($"/api/cases/{caseId}/erasure", requested.Headers.Location?.OriginalString);
        }

        using (var run = await admin.PostAsync("/api/sweeps/Erasures/run", null))
        {
            Assert.True(run.IsSuccessStatusCode, $"Erasures sweep: {run.StatusCode} {await run.Content.ReadAsStringAsync()}");
        }

        return await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/erasure");
    }
}
