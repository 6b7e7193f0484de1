using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;

namespace PepFunctions.App.Notifications;

/// <summary><c>GET /api/notifications</c>: the signed-in staff member's delivered notifications, newest first.</summary>
internal static class NotificationsApi
{
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications")
            .RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>();
        api.MapGet("", ListAsync).WithSummary($"The signed-in staff member's delivered notifications, newest first (at most {PageSize}).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<NotificationResponse>>> ListAsync(HttpContext http, NotificationOutbox outbox, CancellationToken cancellationToken)
    {
        var sent = await outbox.ListSentAsync(http.Staff().Username, PageSize, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NotificationResponse>>([.. sent.Select(NotificationResponse.From)]);
    }
}

/// <summary>A delivered notification.</summary>
internal sealed record NotificationResponse(
    string Id, string Kind, string? CaseId, int? FollowUp, string Text, DateTimeOffset CreatedAt, DateTimeOffset DeliveredAt)
{
    public static NotificationResponse From(SentNotificationEntity sent) =>
        new(sent.NotificationId, sent.Kind, sent.CaseId, sent.FollowUp, sent.Text, sent.CreatedAt, sent.DeliveredAt);
}
