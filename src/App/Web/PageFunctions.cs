using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace PepFunctions.App.Web;

/// <summary>
/// The staff pages' routes, one HTTP function each, on the routes the pages' <c>@page</c> directives declare.
/// Each hands its request to <see cref="StaffPages"/>, which runs the page and writes the response.
/// </summary>
/// <remarks>
/// A function accepts POST where its page has forms. The person page and the enrolment form start, signal or read
/// the case's pipeline, so their functions bind the orchestration client and pass it on.
/// </remarks>
public sealed class PageFunctions(StaffPages pages)
{
    /// <summary><c>/</c>: the dashboard.</summary>
    [Function("PageHome")]
    public Task<IActionResult> HomeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffPages.HomeRoute)] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/masuk</c>: the sign-in form.</summary>
    [Function("PageSignIn")]
    public Task<IActionResult> SignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "masuk")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/keluar</c>: signing out.</summary>
    [Function("PageSignOut")]
    public Task<IActionResult> SignOutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "keluar")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kasus</c>: the people of the staff member's offices.</summary>
    [Function("PageCases")]
    public Task<IActionResult> CasesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "kasus")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kasus/baru</c>: enrolling a person, which starts their pipeline.</summary>
    [Function("PageNewCase")]
    public Task<IActionResult> NewCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kasus/baru")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        pages.RunAsync(request, client);

    /// <summary><c>/kasus/{caseId}</c>: one person's way through the programme, and the forms that move it on.</summary>
    [Function("PageCase")]
    public Task<IActionResult> CaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kasus/{caseId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        pages.RunAsync(request, client);

    /// <summary><c>/pelatihan</c>: the training batches, and opening one.</summary>
    [Function("PageTraining")]
    public Task<IActionResult> TrainingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "pelatihan")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/pelatihan/{batchId}</c>: a batch's participants, roll call, results and certificates.</summary>
    [Function("PageBatch")]
    public Task<IActionResult> BatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "pelatihan/{batchId}")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/produk</c>: the curation of <i>produk unggulan</i> (a person's flagship products).</summary>
    [Function("PageProducts")]
    public Task<IActionResult> ProductsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "produk")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/notifikasi</c>: the staff member's notifications.</summary>
    [Function("PageNotifications")]
    public Task<IActionResult> NotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifikasi")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kelola/notifikasi</c>: the notifications the sender gave up on, and retrying one (administrators).</summary>
    [Function("PageFailedNotifications")]
    public Task<IActionResult> FailedNotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kelola/notifikasi")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kelola/alur</c>: the case pipelines that stopped, and restarting one at its stage (administrators).</summary>
    [Function("PageStoppedPipelines")]
    public Task<IActionResult> StoppedPipelinesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kelola/alur")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        pages.RunAsync(request, client);

    /// <summary>
    /// <c>/status/{code}</c>: what an error status means. Other pages reach it inside the pipeline (re-executed with
    /// their own method); this function serves a direct visit.
    /// </summary>
    [Function("PageStatus")]
    public Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{code:int}")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/css/{file}</c>: the pages' stylesheet.</summary>
    [Function("PageStylesheet")]
    public Task<IActionResult> StylesheetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "css/{file}")] HttpRequest request) =>
        pages.RunAsync(request);
}
