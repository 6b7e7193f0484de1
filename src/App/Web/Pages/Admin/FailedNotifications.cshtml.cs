using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Notifications;

namespace PepFunctions.App.Web.Pages.Admin;

/// <summary>
/// <c>/kelola/notifikasi</c>: the notifications the sender gave up on, each with why and a retry button, for
/// administrators (others get 403 from <see cref="FailedNotifications"/>).
/// </summary>
internal sealed class FailedNotificationsModel(FailedNotifications failed) : StaffPageModel
{
    /// <summary>The page's own path, where a retry returns.</summary>
    public const string Path = "/kelola/notifikasi";

    /// <summary>The notification a retry form posts.</summary>
    [BindProperty(Name = "id")]
    public string? NotificationId { get; set; }

    public IReadOnlyList<FailedNotificationResponse> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await failed.ListAsync(Staff, cancellationToken);

    /// <summary>Requeues one; a second post of the same form (a double click, a reload) answers the same way.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var retried = await failed.RetryAsync(Staff, NotificationId ?? "", cancellationToken);
        return Redirect($"{Path}?saved=Notification{retried.State}");
    }
}
