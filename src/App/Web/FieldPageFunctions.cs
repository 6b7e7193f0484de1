using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace PepFunctions.App.Web;

/// <summary>
/// The installable, offline-capable mentor app: the field page (<c>/lapangan</c>) and the files that make it work
/// without a connection — the web app manifest, the service worker, the offline script and the icons, served from
/// <c>wwwroot</c> by <see cref="StaffPages"/>' static files like the stylesheet.
/// </summary>
/// <remarks>
/// The service worker is served from the root (<c>/sw.js</c>) because a worker controls only the pages under its own
/// path. Every file here is public (no personal data); the page needs the staff policy like every other page.
/// </remarks>
public sealed class FieldPageFunctions(StaffPages pages)
{
    /// <summary><c>/lapangan</c>: the mentor's own people, what is due, and the follow-up forms, offline too.</summary>
    [Function("PageField")]
    public Task<IActionResult> FieldAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lapangan")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        pages.RunAsync(request, client);

    /// <summary><c>/js/{file}</c>: the pages' scripts (the offline queue).</summary>
    [Function("PageScript")]
    public Task<IActionResult> ScriptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "js/{file}")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/sw.js</c>: the service worker.</summary>
    [Function("PageServiceWorker")]
    public Task<IActionResult> ServiceWorkerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sw.js")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/app.webmanifest</c>: the web app manifest that makes the field page installable.</summary>
    [Function("PageManifest")]
    public Task<IActionResult> ManifestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app.webmanifest")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/icons/{file}</c>: the app's icons.</summary>
    [Function("PageIcon")]
    public Task<IActionResult> IconAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "icons/{file}")] HttpRequest request) =>
        pages.RunAsync(request);
}
