namespace PepFunctions.Domain;

/// <summary>Where a follow-up stands relative to its due date; <see cref="FollowUpStateRule"/> decides.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FollowUpState>))]
public enum FollowUpState
{
    /// <summary>Not yet near: more than the reminder lead before the due date.</summary>
    Scheduled,

    /// <summary>Within the reminder lead before the due date: the mentor is reminded.</summary>
    Upcoming,

    /// <summary>From the due date to the end of the grace period.</summary>
    Due,

    /// <summary>Past the grace period without a visit: escalated to the supervisor.</summary>
    Overdue,

    /// <summary>The visit or call was recorded.</summary>
    Done,
}
