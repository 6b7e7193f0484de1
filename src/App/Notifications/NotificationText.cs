using System.Globalization;
using PepFunctions.App.Cases;

namespace PepFunctions.App.Notifications;

/// <summary>The words of a notification: ids and what is due, never a person's name.</summary>
internal static class NotificationText
{
    /// <summary>A one-line subject.</summary>
    public static string Subject(Notification notification) => notification.Kind switch
    {
        nameof(NotificationKind.AssessmentOverdue) => $"Assessment overdue: {notification.CaseId}",
        nameof(NotificationKind.FollowUpReminder) => $"Follow-up {notification.FollowUp} due soon: {notification.CaseId}",
        nameof(NotificationKind.FollowUpOverdue) => $"Follow-up {notification.FollowUp} overdue: {notification.CaseId}",
        _ => notification.CaseId is null ? notification.Kind : $"{notification.Kind}: {notification.CaseId}",
    };

    /// <summary>The message.</summary>
    public static string Body(Notification notification) => notification.Kind switch
    {
        nameof(NotificationKind.AssessmentOverdue) =>
            $"The assessment of potential and interest (asesmen potensi dan minat) of case {notification.CaseId} has not been recorded in time.",
        nameof(NotificationKind.FollowUpReminder) =>
            $"Follow-up {notification.FollowUp} of case {notification.CaseId} is due soon. Please visit or call and record it.",
        nameof(NotificationKind.FollowUpOverdue) =>
            $"Follow-up {notification.FollowUp} of case {notification.CaseId} is overdue; it was escalated to you as the mentor's supervisor.",
        _ => string.Join(" ", new[] { notification.Detail, notification.CaseId is null ? null : $"Case {notification.CaseId}.", notification.FollowUp is { } n ? string.Create(CultureInfo.InvariantCulture, $"Follow-up {n}.") : null }.Where(part => part is not null)),
    };
}
