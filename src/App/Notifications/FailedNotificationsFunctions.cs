using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Http;

namespace PepFunctions.App.Notifications;

/// <summary>
/// The notifications the sender gave up on, and retrying one: <c>/api/admin/notifications</c>, for administrators (401
/// when nobody is signed in, 403 for other roles). The page <c>/kelola/notifikasi</c> does the same for a browser.
/// </summary>
public sealed class FailedNotificationsFunctions(StaffApi api, FailedNotifications failed)
{
    /// <summary>The given-up notifications, newest first (at most 200), each with why its last try failed.</summary>
    [Function("ListFailedNotifications")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/notifications/failed")] HttpRequest request) =>
        api.RunAsAdministratorAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await failed.ListAsync(staff, cancellationToken)));

    /// <summary>
    /// Puts a given-up notification back for the sender's next run; safe to repeat (a queued or delivered one is left as
    /// it is, and the answer says which). 404 for an unknown id.
    /// </summary>
    [Function("RetryNotification")]
    public Task<IActionResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/notifications/{notificationId}/retry")] HttpRequest request,
        string notificationId) =>
        api.RunAsAdministratorAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await failed.RetryAsync(staff, notificationId, cancellationToken)));
}
