namespace PepFunctions.App.Web.Pages.Cases;

/// <summary>One line of the person page's timeline: an event that happened, or one that is scheduled.</summary>
/// <param name="At">When it happened or is due.</param>
/// <param name="Title">What, in the page's language.</param>
/// <param name="Detail">More, in the page's language where the service gave its values (else as it recorded it); null when nothing more.</param>
/// <param name="Actor">Who did it; null for scheduled items.</param>
/// <param name="Future">A scheduled item that has not happened yet.</param>
/// <param name="Badge">A state to show beside it (overdue, done); null when none.</param>
/// <param name="BadgeClass">The badge's style: <c>overdue</c>, <c>due</c>, <c>done</c> or empty.</param>
/// <param name="DayOnly">Known to the day only (a training's start, a visit's date, the expected release): <paramref name="At"/> is the
/// start of that day at the office, and the page shows no time.</param>
internal sealed record TimelineItem(
    DateTimeOffset At, string Title, string? Detail, string? Actor, bool Future = false, string? Badge = null, string BadgeClass = "", bool DayOnly = false);
