using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.FileProviders;
using PepFunctions.App.Web.Localization;

namespace PepFunctions.App.Web;

/// <summary>
/// Runs the staff pages for the page functions (<see cref="PageFunctions"/>): an ASP.NET Core pipeline, built once
/// from the app's services, of request localization, status code pages (<c>/status/{code}</c>), the stylesheet,
/// routing, sign-in, authorization and the Razor Pages. A page function hands it the request's <see cref="HttpContext"/>;
/// the pipeline writes the response.
/// </summary>
/// <remarks>
/// <para>
/// Why the pages run in a pipeline of their own: with ASP.NET Core integration a function gets the real
/// <see cref="HttpContext"/>, under the Functions host and under the local runner alike. Running the Razor Pages on it
/// keeps the pages exactly as they were — model binding, tag helpers, <c>ModelState</c>, the antiforgery check on
/// every POST, the sign-in redirect and the status pages — and puts this cross-cutting behaviour where both hosts run
/// it, inside the function. Only the outer routing moved into functions: one per page route, each with the page's route.
/// </para>
/// <para>
/// The request's services stay the host's (a scope of the app's container). Any endpoint the outer host chose for
/// the request (the function's own) is cleared first, so the pipeline's routing matches the page. The
/// <see cref="DurableTaskClient"/> a page function binds travels in <see cref="HttpContext.Items"/>
/// (<see cref="ClientOf"/>), since a page model has no bindings of its own.
/// </para>
/// <para>
/// The stylesheet is served from <c>wwwroot</c> beside the app's assembly, where the build and the publish copy it:
/// both the Functions host and the local runner run the app from its output folder.
/// </para>
/// </remarks>
public sealed class StaffPages
{
    /// <summary>
    /// The route of the home page. The Functions host maps an empty route to the function's name, so the root is
    /// an optional parameter that only the empty path satisfies.
    /// </summary>
    public const string HomeRoute = "{root:maxlength(0)?}";

    /// <summary>The folder the stylesheet is served from: <c>wwwroot</c> in the app's output folder.</summary>
    public static readonly string WebRoot = Path.Combine(Path.GetDirectoryName(typeof(StaffPages).Assembly.Location)!, "wwwroot");

    private readonly RequestDelegate _pipeline;

    /// <summary>Builds the pipeline from the app's root <paramref name="services"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The build did not copy <c>wwwroot</c> to the output folder.</exception>
    public StaffPages(IServiceProvider services)
    {
        if (!Directory.Exists(WebRoot))
        {
            throw new DirectoryNotFoundException(
                $"The staff pages' stylesheet folder '{WebRoot}' is missing: the build copies src/App/wwwroot to the output folder.");
        }

        var app = new ApplicationBuilder(services);
        app.Use(static (http, next) => { Hosting.SecurityHeaders.ForPage(http); return next(http); });
        app.UsePageLocalization();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.Use(AnswerStorageOutageAsync);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(WebRoot) });

        // Routing after the status pages, so a re-executed request is routed again to /status/{code}.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(static endpoints => endpoints.MapRazorPages());
        _pipeline = app.Build();
    }

    /// <summary>Runs the page of <paramref name="request"/>; the pipeline writes the response.</summary>
    /// <param name="request">The page function's request.</param>
    /// <param name="client">The orchestration client, for pages whose forms start or signal a pipeline or read its status.</param>
    /// <returns>An empty result: the response is written.</returns>
    public async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient? client = null)
    {
        var http = request.HttpContext;
        if (client is not null)
        {
            http.Items[typeof(DurableTaskClient)] = client;
        }

        http.SetEndpoint(null);
        await _pipeline(http);
        return new EmptyResult();
    }

    /// <summary>
    /// A storage outage anywhere in the page (sign-in, the handler, the view) answers 503 with <c>Retry-After</c>, which
    /// the status pages explain in the page's language; any other exception propagates.
    /// </summary>
    private static async Task AnswerStorageOutageAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && Http.StorageOutage.IsOutage(ex, http.RequestAborted))
        {
            http.RequestServices.GetRequiredService<ILogger<StaffPages>>()
                .LogWarning(ex, "{Method} {Path} answered 503: storage is unreachable", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Http.StorageOutage.SetRetryAfter(http.Response);
        }
    }

    /// <summary>The orchestration client that the page's function passed to <see cref="RunAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The page's function bound none.</exception>
    internal static DurableTaskClient ClientOf(HttpContext http) =>
        http.Items[typeof(DurableTaskClient)] as DurableTaskClient
        ?? throw new InvalidOperationException(
            $"The function of page '{http.Request.Path}' passed no DurableTaskClient: bind [DurableClient] and pass it to {nameof(StaffPages)}.{nameof(RunAsync)}.");
}
