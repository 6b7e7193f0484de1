using System.Globalization;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

// A Pokmas Lipas activity on each participant's timeline: ids, the kind and the day; the group's name is looked up by id.
internal sealed partial record TimelineDetail
{
    /// <summary>The person took part in activity <paramref name="activityId"/> of group <paramref name="groupId"/>.</summary>
    public static TimelineDetail PokmasActivity(string groupId, string activityId, PokmasActivityKind kind, DateOnly date) => new(
        $"Pokmas Lipas {groupId}: {kind} on {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        new Dictionary<string, string>
        {
            [TimelineParameters.PokmasGroup] = groupId,
            [TimelineParameters.PokmasActivity] = activityId,
            [TimelineParameters.PokmasActivityKind] = kind.ToString(),
            [TimelineParameters.Date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
}

/// <summary>The keys of the Pokmas Lipas details.</summary>
internal static partial class TimelineParameters
{
    /// <summary>A Pokmas Lipas group id.</summary>
    public const string PokmasGroup = "pokmasGroup";

    /// <summary>A Pokmas Lipas activity id.</summary>
    public const string PokmasActivity = "pokmasActivity";

    /// <summary>A <see cref="Domain.PokmasActivityKind"/> name.</summary>
    public const string PokmasActivityKind = "pokmasActivityKind";
}
