using System.Net;
using System.Security.Claims;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Staff;

/// <summary>
/// The key ring keeps no failure, makes the first key once when instances start together, and in Azure (platform header
/// trusted) a cookie — even one made with the ring's own keys — signs nobody in.
/// </summary>
public sealed class BlobKeyRingTests
{
    [Fact]
    public async Task GetAllElements_StorageFailedOnce_NextCallReadsTheRing()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var name = TestNames.Hub("ring").ToLowerInvariant() + "-keys";
        var transport = new FailingOnceTransport();
        var options = new BlobClientOptions { Transport = transport };
        options.Retry.MaxRetries = 0;
        var container = new BlobContainerClient(azurite.ConnectionString, name, options);
        try
        {
            var ring = new BlobKeyRing(container);

            Assert.ThrowsAny<Exception>(() => ring.GetAllElements());
            var elements = ring.GetAllElements();

            Assert.Empty(elements);
            Assert.True(transport.Failed);
        }
        finally
        {
            await new BlobContainerClient(azurite.ConnectionString, name).DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task StoreElement_TwoInstancesOnAnEmptyRing_TheFirstKeyIsMadeOnce()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var container = new BlobContainerClient(azurite.ConnectionString, TestNames.Hub("ring").ToLowerInvariant() + "-keys");
        try
        {
            var first = new BlobKeyRing(container);
            var second = new BlobKeyRing(container);
            Assert.Empty(first.GetAllElements());
            Assert.Empty(second.GetAllElements());

            first.StoreElement(Key(), "key-" + Guid.NewGuid());
            var lost = Assert.Throws<InvalidOperationException>(() => second.StoreElement(Key(), "key-" + Guid.NewGuid()));

            Assert.Contains("first key", lost.Message, StringComparison.Ordinal);
            Assert.Single(second.GetAllElements());
            Assert.Equal([BlobKeyRing.FirstKeyBlob], container.GetBlobs().Select(b => b.Name));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Cookie_PlatformHeaderTrusted_SignsNobodyIn()
    {
        var administrator = PlatformPrincipal.New("boss@kemenkumham.example");
        await using var app = await TestApp.StartAsync(
        [
            new("Staff:TrustPlatformHeaders", "true"), new("WEBSITE_AUTH_ENABLED", "True"), new("Staff:BootstrapAdministrators", administrator.Username),
        ]);
        using (var platform = administrator.ClientFor(app.Http.BaseAddress!))
        using (var session = await platform.GetAsync("/api/session"))
        {
            Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        }

        // A cookie made with the app's own key ring, as someone who can read the key container could make one.
        var cookies = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, administrator.Username)], CookieAuthenticationDefaults.AuthenticationScheme)),
            CookieAuthenticationDefaults.AuthenticationScheme);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.Http.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", $"pep.staff={cookies.TicketDataFormat.Protect(ticket)}");

        using var response = await http.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static XElement Key() => new("key", new XAttribute("id", Guid.NewGuid()), new XElement("creationDate", DateTimeOffset.UtcNow));

    /// <summary>Fails the first request (as a brief outage at cold start would), then passes every request on.</summary>
    private sealed class FailingOnceTransport : HttpPipelineTransport
    {
        private readonly HttpClientTransport _inner = new();

        public bool Failed { get; private set; }

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message)
        {
            FailFirst();
            _inner.Process(message);
        }

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            FailFirst();
            return _inner.ProcessAsync(message);
        }

        private void FailFirst()
        {
            if (!Failed)
            {
                Failed = true;
                throw new Azure.RequestFailedException("Storage unreachable (test).");
            }
        }
    }
}
