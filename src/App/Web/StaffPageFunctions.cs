using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PepFunctions.App.Web;

/// <summary>The staff directory's page routes (administrators and Kanwil coordinators), run by <see cref="StaffPages"/>.</summary>
public sealed class StaffPageFunctions(StaffPages pages)
{
    /// <summary><c>/kelola/staf</c>: the staff the signed-in member manages, filtered.</summary>
    [Function("PageStaff")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "kelola/staf")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kelola/staf/ubah</c>: adding a staff member, or (<c>?u=</c>) editing one and reading its history.</summary>
    [Function("PageStaffEdit")]
    public Task<IActionResult> EditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kelola/staf/ubah")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kelola/staf/impor</c>: onboarding an office from a CSV file.</summary>
    [Function("PageStaffImport")]
    public Task<IActionResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kelola/staf/impor")] HttpRequest request) =>
        pages.RunAsync(request);
}
