using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>
/// A local stand-in for a message provider: a Kestrel server on a free port that checks each request against the
/// provider's documented contract (the check given), records the accepted ones, and answers from a script (e.g. 429 with
/// <c>Retry-After</c>, then 500, then success).
/// </summary>
internal sealed class ProviderFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _script = new();

    private ProviderFake(WebApplication app) => _app = app;

    /// <summary>The fake's address.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bodies of the requests that met the contract, answered with success.</summary>
    public ConcurrentQueue<JsonElement> Accepted { get; } = new();

    /// <summary>Every request's outcome, in order: the status it was answered with.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>Starts a fake answering POSTs to <paramref name="path"/>; <paramref name="check"/> returns a contract violation, or null.</summary>
    /// <param name="path">The path the provider's API takes messages at.</param>
    /// <param name="check">The contract: the request's headers and JSON body, returning what is wrong, or null.</param>
    /// <param name="success">The success answer's JSON body for an accepted request (given its number from 1).</param>
    public static async Task<ProviderFake> StartAsync(string path, Func<HttpRequest, JsonElement, string?> check, Func<int, object> success)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new ProviderFake(app);
        app.MapPost(path, async (HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            if (check(http.Request, body) is { } problem)
            {
                fake.Answers.Enqueue(400);
                http.Response.StatusCode = 400;
                await http.Response.WriteAsJsonAsync(new { error = new { message = problem, type = "OAuthException", code = 100 } });
                return;
            }

            if (fake._script.TryDequeue(out var scripted))
            {
                await scripted(http.Response);
                fake.Answers.Enqueue(http.Response.StatusCode);
                return;
            }

            fake.Accepted.Enqueue(body.Clone());
            fake.Answers.Enqueue(200);
            await http.Response.WriteAsJsonAsync(success(fake.Accepted.Count));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Answers the next request with 429 and <c>Retry-After: {seconds}</c>.</summary>
    public void ThenTooManyRequests(int seconds) => _script.Enqueue(response =>
    {
        response.StatusCode = 429;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    });

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (a 5xx).</summary>
    public void ThenFail(int status, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _script.Enqueue(response =>
            {
                response.StatusCode = status;
                return Task.CompletedTask;
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
