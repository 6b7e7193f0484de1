using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Http;

namespace PepFunctions.App.Notifications;

/// <summary>The signed-in staff member's notifications (<c>GET /api/notifications</c>), and the timer that sends the outbox.</summary>
public sealed class NotificationsFunctions(StaffApi api, NotificationOutbox outbox, NotificationDelivery delivery, ILogger<NotificationsFunctions> logger)
{
    private const int PageSize = 100;

    /// <summary>The signed-in staff member's delivered notifications, newest first (at most 100).</summary>
    [Function("ListNotifications")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/notifications")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var sent = await outbox.ListSentAsync(staff.Username, PageSize, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<NotificationResponse>>([.. sent.Select(NotificationResponse.From)]);
        });

    /// <summary>Delivers the outbox's due notifications, on <c>Notifications:SendSchedule</c>.</summary>
    /// <remarks>A storage outage is logged and left to the next run: the timer never fails over a transient error.</remarks>
    [Function("SendNotifications")]
    public async Task SendAsync([TimerTrigger("%Notifications:SendSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        NotificationRun run;
        try
        {
            run = await delivery.DeliverDueAsync(cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Sending notifications stopped: storage is unreachable; the next run tries again");
            return;
        }

        if (run.Delivered + run.Retrying + run.GaveUp > 0)
        {
            logger.LogInformation("Notifications sent: {Delivered} delivered, {Retrying} to retry, {GaveUp} given up", run.Delivered, run.Retrying, run.GaveUp);
        }
    }
}

/// <summary>A delivered notification.</summary>
internal sealed record NotificationResponse(
    string Id, string Kind, string? CaseId, int? FollowUp, string Text, DateTimeOffset CreatedAt, DateTimeOffset DeliveredAt)
{
    public static NotificationResponse From(SentNotificationEntity sent) =>
        new(sent.NotificationId, sent.Kind, sent.CaseId, sent.FollowUp, sent.Text, sent.CreatedAt, sent.DeliveredAt);
}
