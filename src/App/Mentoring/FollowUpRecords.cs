using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using PepFunctions.Domain;

namespace PepFunctions.App.Mentoring;

/// <summary>The follow-up tables' names after the hub prefix (see <c>docs/tables.md</c>).</summary>
internal static class FollowUpTables
{
    /// <summary>PartitionKey = case id, RowKey = sequence (<c>D3</c>): every follow-up of a case, with the recorded visit.</summary>
    public const string FollowUps = "FollowUps";

    /// <summary>
    /// PartitionKey = due date <c>yyyy-MM-dd</c>, RowKey = <c>{case id}|{sequence:D3}</c>: the follow-ups still open.
    /// A row is removed when the visit is recorded or the case closes, so the table stays small and "due by a date" is one range.
    /// </summary>
    public const string FollowUpsDue = "FollowUpsDue";

    /// <summary>The RowKey of follow-up <paramref name="sequence"/> in <see cref="FollowUps"/>.</summary>
    public static string SequenceKey(int sequence) => sequence.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The PartitionKey of a due date in <see cref="FollowUpsDue"/>.</summary>
    public static string DateKey(DateTimeOffset due) => due.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The PartitionKey of a day in <see cref="FollowUpsDue"/>.</summary>
    public static string DateKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The RowKey of a follow-up in <see cref="FollowUpsDue"/>.</summary>
    public static string DueKey(string caseId, int sequence) => $"{caseId}|{SequenceKey(sequence)}";
}

/// <summary>A row of <c>FollowUps</c>.</summary>
internal sealed class FollowUpEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The sequence, <c>D3</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary><see cref="FollowUpState.Scheduled"/>, <see cref="FollowUpState.Overdue"/> or <see cref="FollowUpState.Done"/>; the states in between follow from the time (<see cref="FollowUpStateRule"/>).</summary>
    public string State { get; set; } = nameof(FollowUpState.Scheduled);

    public string OfficeCode { get; set; } = "";

    public string? MentorUsername { get; set; }

    /// <summary>The recorded <see cref="FollowUpVisit"/> as JSON.</summary>
    public string? VisitJson { get; set; }

    public string? RecordedBy { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>When the case closed with this follow-up still open: it is closed with the case, no longer open or overdue.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The key of the staff action that recorded the visit, so its retry is recognised.</summary>
    public string? RecordKey { get; set; }

    [IgnoreDataMember]
    public FollowUpState StateValue => Enum.Parse<FollowUpState>(State);
}

/// <summary>A row of <c>FollowUpsDue</c>: an open follow-up, under its due date.</summary>
internal sealed class FollowUpDueEntity : ITableEntity
{
    /// <summary>The due date, <c>yyyy-MM-dd</c>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary><c>{case id}|{sequence:D3}</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CaseId { get; set; } = "";

    public int Sequence { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string OfficeCode { get; set; } = "";

    public string? MentorUsername { get; set; }

    /// <summary><see cref="FollowUpState.Scheduled"/> or <see cref="FollowUpState.Overdue"/>.</summary>
    public string State { get; set; } = nameof(FollowUpState.Scheduled);

    public static FollowUpDueEntity From(FollowUpEntity followUp) => new()
    {
        PartitionKey = FollowUpTables.DateKey(followUp.DueAt),
        RowKey = FollowUpTables.DueKey(followUp.PartitionKey, followUp.Sequence),
        CaseId = followUp.PartitionKey,
        Sequence = followUp.Sequence,
        DueAt = followUp.DueAt,
        OfficeCode = followUp.OfficeCode,
        MentorUsername = followUp.MentorUsername,
        State = followUp.State,
    };
}
