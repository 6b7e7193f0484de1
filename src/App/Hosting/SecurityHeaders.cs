namespace PepFunctions.App.Hosting;

/// <summary>
/// The security headers of every answer, set by the functions themselves (so the Functions host and the local runner
/// send the same): <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: no-referrer</c> everywhere, a
/// <c>Content-Security-Policy</c> on pages, <c>Cache-Control: no-store</c> on the JSON API and files (they hold
/// personal data; the public catalogue sets its own), and <c>Strict-Transport-Security</c> outside local runs.
/// </summary>
/// <remarks>
/// A local run is one whose <c>AZURE_FUNCTIONS_ENVIRONMENT</c> is <c>Development</c>, as Core Tools (<c>func start</c>)
/// and the local runner set it; in Azure it is not set (Production). Headers are set when the response starts, so an
/// error answer gets them too.
/// </remarks>
public static class SecurityHeaders
{
    /// <summary>The setting that names the environment the app runs in.</summary>
    public const string EnvironmentSetting = "AZURE_FUNCTIONS_ENVIRONMENT";

    /// <summary>The pages' policy: everything from the app itself (the stylesheet, forms), no scripts from elsewhere, no framing.</summary>
    public const string PagePolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>One year, subdomains included: what browsers remember HTTPS-only for.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Whether <paramref name="configuration"/> is a local run's (Core Tools or the local runner).</summary>
    public static bool IsLocalRun(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[EnvironmentSetting], "Development", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sets the headers of a page (HTML) answer.</summary>
    public static void ForPage(HttpContext http) => OnStarting(http, page: true);

    /// <summary>Sets the headers of a JSON API or file answer.</summary>
    public static void ForApi(HttpContext http) => OnStarting(http, page: false);

    private static void OnStarting(HttpContext http, bool page)
    {
        ArgumentNullException.ThrowIfNull(http);
        // No configuration (a bare context in a unit test) counts as Azure: the stricter headers.
        var local = http.RequestServices.GetService<IConfiguration>() is { } configuration && IsLocalRun(configuration);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (page)
            {
                headers.ContentSecurityPolicy = PagePolicy;
                headers.XFrameOptions = "DENY";
            }
            else if (string.IsNullOrEmpty(headers.CacheControl))
            {
                // An answer that says otherwise (the public catalogue, which holds no personal data) keeps its own.
                headers.CacheControl = "no-store";
            }

            if (!local)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
    }
}
