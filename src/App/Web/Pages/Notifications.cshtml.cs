using PepFunctions.App.Notifications;

namespace PepFunctions.App.Web.Pages;

/// <summary><c>/notifikasi</c>: the signed-in staff member's notifications, newest first.</summary>
internal sealed class NotificationsModel(NotificationOutbox outbox) : StaffPageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<NotificationResponse> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = [.. (await outbox.ListSentAsync(Staff.Username, PageSize, cancellationToken)).Select(NotificationResponse.From)];
}
