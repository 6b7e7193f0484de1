using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Hosting;

/// <summary>
/// Every answer carries the security headers: pages a Content-Security-Policy, the API and files <c>no-store</c>,
/// everything <c>nosniff</c> and a Referrer-Policy; outside local runs HSTS and a cookie sent over HTTPS only. Files are
/// downloads. Local runs are <c>AZURE_FUNCTIONS_ENVIRONMENT=Development</c>, which the runner sets as <c>func start</c> does.
/// </summary>
public sealed class SecurityHeadersTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task Page_SignInForm_HasPolicyNosniffAndReferrerPolicyButNoHstsLocally()
    {
        using var response = await app.App.Http.GetAsync(StaffHosting.SignInPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.PagePolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Api_AnyAnswer_IsNoStoreAndNosniff(string path)
    {
        using var anonymous = await app.App.Http.GetAsync(path);

        Assert.Equal("no-store", anonymous.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(anonymous, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task ForApi_OutsideALocalRun_AddsHsts()
    {
        var http = await AnswerAsync(new Dictionary<string, string?>(), SecurityHeaders.ForApi);

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, http.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task ForPage_LocalRun_HasNoHsts()
    {
        var http = await AnswerAsync(new Dictionary<string, string?> { [SecurityHeaders.EnvironmentSetting] = "Development" }, SecurityHeaders.ForPage);

        Assert.Equal(SecurityHeaders.PagePolicy, http.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Empty(http.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Theory]
    [InlineData(null, CookieSecurePolicy.Always)]
    [InlineData("Production", CookieSecurePolicy.Always)]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)]
    public void StaffCookie_Environment_IsSecureOutsideLocalRuns(string? environment, CookieSecurePolicy expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new(SecurityHeaders.EnvironmentSetting, environment)]);
        // The staff sign-in keeps its key ring in Blob Storage; this test reads the cookie options only, so the client is never called.
        builder.Services.AddSingleton(new Azure.Storage.Blobs.BlobServiceClient("UseDevelopmentStorage=true"));
        builder.AddStaffSignIn();
        using var services = builder.Build();

        var options = services.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(expected, options.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task StoredFile_ToResult_IsADownloadWithAnOpaqueName()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();

        await new StoredFile(new MemoryStream([1, 2, 3]), "application/pdf").ToResult().ExecuteAsync(http);

        Assert.StartsWith("attachment; filename=file.pdf", http.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    private static async Task<DefaultHttpContext> AnswerAsync(Dictionary<string, string?> settings, Action<HttpContext> apply)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var started = new StartingFeature();
        http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(started);
        apply(http);
        await started.StartAsync();
        return http;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    /// <summary>A response feature that runs the OnStarting callbacks when told to.</summary>
    private sealed class StartingFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in _starting)
            {
                await callback(state);
            }
        }
    }
}
