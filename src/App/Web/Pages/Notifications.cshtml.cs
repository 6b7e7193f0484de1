using PepFunctions.App.Cases;
using PepFunctions.App.Notifications;

namespace PepFunctions.App.Web.Pages;

/// <summary>
/// <c>/notifikasi</c>: the signed-in staff member's notifications, newest first, each in the page's language and naming the person
/// (name and registration number) where the staff member may still see them; the message that left the system carried the case id only.
/// </summary>
internal sealed class NotificationsModel(NotificationOutbox outbox, CaseService cases) : StaffPageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<NotificationResponse> Notifications { get; private set; } = [];

    /// <summary>The people the notifications are about, as far as the staff member may see them.</summary>
    public IReadOnlyDictionary<string, CaseName> People { get; private set; } = new Dictionary<string, CaseName>();

    /// <summary>The person of <paramref name="caseId"/> by name and registration number; a person no longer visible by the word for "a person".</summary>
    public string Person(string caseId) =>
        People.TryGetValue(caseId, out var person) ? $"{person.FullName} ({person.RegistrationNumber})" : L["Notifications.UnknownPerson"];

    /// <summary>What the notification says, in the page's language: its kind's sentence, or the text as it was sent for kinds without one.</summary>
    public string Text(NotificationResponse notification) =>
        L[$"NotificationText.{notification.Kind}", notification.FollowUp ?? 0] is { ResourceNotFound: false } text ? text.Value : notification.Text;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notifications = [.. (await outbox.ListSentAsync(Staff.Username, PageSize, cancellationToken)).Select(NotificationResponse.From)];
        People = await cases.NamesAsync(Staff, Notifications.Where(n => n.CaseId is not null).Select(n => n.CaseId!), cancellationToken);
    }
}
