using System.Globalization;
using PepFunctions.App.Files;
using PepFunctions.Domain;

namespace PepFunctions.App.Training;

/// <summary>Opens a training batch. Office: the staff member's own unless given; capacity: <see cref="PipelineOptions.BatchCapacity"/> unless given.</summary>
public sealed record CreateBatchRequest(
    TrainingTrack? Track, string? OfficeCode, string? Partner, DateOnly? StartDate, DateOnly? EndDate, int? Sessions, int? Capacity);

/// <summary>Places a person in a batch.</summary>
public sealed record EnrolRequest(string? CaseId);

/// <summary>The roll call of one session: who was there. Enrolled people not listed were absent.</summary>
public sealed record AttendanceRequest(int? Session, IReadOnlyList<string>? CaseIds);

/// <summary>The final assessment of one participant.</summary>
public sealed record ResultRequest(bool? Passed);

/// <summary>A training batch.</summary>
public sealed record BatchResponse(
    string BatchId, TrainingTrack Track, string TrackName, string OfficeCode, string Partner, DateOnly StartDate, DateOnly EndDate,
    int Sessions, int Capacity, int Enrolled)
{
    internal static BatchResponse From(TrainingBatchEntity row)
    {
        var track = Enum.Parse<TrainingTrack>(row.Track);
        return new(row.RowKey, track, track.IndonesianName(), row.PartitionKey, row.Partner, Dates.Parse(row.StartDate), Dates.Parse(row.EndDate),
            row.Sessions, row.Capacity, row.Enrolled);
    }
}

/// <summary>A batch with its participants.</summary>
public sealed record BatchDetailResponse(BatchResponse Batch, IReadOnlyList<EnrolmentResponse> Enrolments);

/// <summary>One participant of a batch.</summary>
public sealed record EnrolmentResponse(
    string CaseId, IReadOnlyList<int> AttendedSessions, bool? Passed, bool? Completed, decimal? AttendancePercent, string? Reason, bool HasCertificate)
{
    internal static EnrolmentResponse From(TrainingEnrolmentEntity row) => new(
        row.RowKey, Attendance.Parse(row.AttendedSessions), row.Passed, row.Completed,
        row.AttendancePercent is { } percent ? (decimal)percent : null, row.Reason, row.CertificateContentType is not null);
}

/// <summary>One training of a person, for their page.</summary>
public sealed record CaseTrainingResponse(
    string BatchId, TrainingTrack Track, string TrackName, string OfficeCode, string Partner, DateOnly StartDate, DateOnly EndDate,
    int Sessions, int AttendedCount, bool? Passed, bool? Completed, decimal? AttendancePercent, string? Reason, bool HasCertificate)
{
    internal static CaseTrainingResponse From(CaseTrainingEntity row)
    {
        var track = Enum.Parse<TrainingTrack>(row.Track);
        return new(row.RowKey, track, track.IndonesianName(), row.OfficeCode, row.Partner, Dates.Parse(row.StartDate), Dates.Parse(row.EndDate),
            row.Sessions, row.AttendedCount, row.Passed, row.Completed, row.AttendancePercent is { } percent ? (decimal)percent : null,
            row.Reason, row.HasCertificate);
    }
}

/// <summary>The sessions a participant attended, stored as <c>1,2,4</c>.</summary>
internal static class Attendance
{
    public static IReadOnlyList<int> Parse(string value) =>
        string.IsNullOrEmpty(value) ? [] : [.. value.Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture))];

    public static string Format(IEnumerable<int> sessions) =>
        string.Join(',', sessions.Order().Select(session => session.ToString(CultureInfo.InvariantCulture)));
}
