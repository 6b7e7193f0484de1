using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// A demo staff account calling the API while the runner may be down: a request that gets no answer (connection
/// refused or reset, timeout) or a 5xx is sent again until it gets one, and a 401 signs in again first. What was
/// retried is written to the log, so a test can tell an answer to a retry from an answer to a first attempt.
/// </summary>
internal sealed class StaffClient(Uri baseAddress, string username) : IDisposable
{
    private const string SessionPath = "/api/session";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer() })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(15),
    };

    public string Username => username;

    /// <summary>Sends a request until it gets an answer that is not a 5xx, telling <paramref name="log"/> what it retried.</summary>
    /// <param name="idempotencyKey">Sent as the <c>Idempotency-Key</c> header with every attempt, as a careful API client does.</param>
    /// <returns>The answer, and whether an earlier attempt may have reached the app (so a 409 may mean "done already").</returns>
    public async Task<(HttpResponseMessage Response, bool Retried)> SendAsync(
        HttpMethod method, string path, object? body, string? idempotencyKey, string what, Action<string> log, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                if (failures++ == 0)
                {
                    log($"{what}: no answer ({ex.GetType().Name}: {ex.Message}); retrying");
                }

                await Task.Delay(RetryDelay, cancellationToken);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && path != SessionPath)
            {
                log($"{what}: 401 as {username}; signing in again");
                response.Dispose();
                await SignInAsync(log, cancellationToken);
                continue;
            }

            if ((int)response.StatusCode >= 500)
            {
                log($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}; retrying");
                response.Dispose();
                failures++;
                await Task.Delay(RetryDelay, cancellationToken);
                continue;
            }

            if (failures > 0)
            {
                log($"{what}: answered {(int)response.StatusCode} after {failures} failed attempts");
            }

            return (response, failures > 0);
        }
    }

    /// <summary>GETs JSON, retrying as <see cref="SendAsync"/> does; fails on anything but 200.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, Action<string> log, CancellationToken cancellationToken)
    {
        var (response, _) = await SendAsync(HttpMethod.Get, path, null, null, $"GET {path}", log, cancellationToken);
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? JsonDocument.Parse(text).RootElement.Clone()
                : throw new InvalidOperationException($"GET {path} as {username}: {(int)response.StatusCode} {text}");
        }
    }

    /// <summary>Signs in with the demo password (the runner's settings turn the demo accounts on).</summary>
    public async Task SignInAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var (response, _) = await SendAsync(HttpMethod.Post, SessionPath, new { username, password = "pep-demo" }, null, $"sign in as {username}", log, cancellationToken);
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Sign-in as {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
