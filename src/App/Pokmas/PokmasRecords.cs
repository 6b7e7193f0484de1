using Azure;
using Azure.Data.Tables;

namespace PepFunctions.App.Pokmas;

/// <summary>The Pokmas Lipas tables' names after the hub prefix (see <c>docs/tables.md</c>).</summary>
internal static class PokmasTables
{
    /// <summary>PartitionKey = office code, RowKey = group id: the groups that work with an office.</summary>
    public const string Groups = "PokmasGroups";

    /// <summary>PartitionKey = group id, RowKey = activity id: a group's activities.</summary>
    public const string Activities = "PokmasActivities";
}

/// <summary>A row of <c>PokmasGroups</c>.</summary>
internal sealed class PokmasGroupEntity : ITableEntity
{
    /// <summary>The office the group works with.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The group id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The members (<see cref="Domain.PokmasMember"/>) as JSON: mentors' usernames and plain members' names.</summary>
    public string MembersJson { get; set; } = "[]";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A row of <c>PokmasActivities</c>.</summary>
internal sealed class PokmasActivityEntity : ITableEntity
{
    /// <summary>The group id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The activity id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The group's office, so the report can count activities by office without reading the group.</summary>
    public string OfficeCode { get; set; } = "";

    /// <summary>yyyy-MM-dd, the office's day.</summary>
    public string Date { get; set; } = "";

    /// <summary>A <see cref="Domain.PokmasActivityKind"/> name.</summary>
    public string Kind { get; set; } = "";

    public string Place { get; set; } = "";

    /// <summary>The participants' case ids as JSON.</summary>
    public string ParticipantsJson { get; set; } = "[]";

    public int OtherAttendees { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
