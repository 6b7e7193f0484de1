using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Http;

namespace PepFunctions.App.Tests.Support;

/// <summary>Staff actions sent over HTTP with an <c>Idempotency-Key</c> (or, with a null key, without one), as the retry tests send them.</summary>
internal static class KeyedRequests
{
    /// <summary>POSTs <paramref name="body"/> as JSON; returns the status and the JSON answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient staff, string path, object body, string? key)
    {
        using var response = await SendAsync(staff, HttpMethod.Post, path, body, key);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>PUTs <paramref name="body"/> as JSON; returns the status.</summary>
    public static async Task<HttpStatusCode> PutAsync(HttpClient staff, string path, object body, string? key)
    {
        using var response = await SendAsync(staff, HttpMethod.Put, path, body, key);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient staff, HttpMethod method, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add(IdempotencyKeys.Header, key);
        }

        return await staff.SendAsync(request);
    }
}
