using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>The case tables' names after the hub prefix (see <c>docs/tables.md</c>).</summary>
internal static class CaseTables
{
    /// <summary>PartitionKey = RowKey = case id: the person's record. The only table holding names and NIKs.</summary>
    public const string Cases = "Cases";

    /// <summary>PartitionKey = office code, RowKey = case id: the summary office lists and dashboards read.</summary>
    public const string CasesByOffice = "CasesByOffice";

    /// <summary>PartitionKey = case id, RowKey = sortable time + short id: stage changes and staff actions (the audit log).</summary>
    public const string Timeline = "CaseTimeline";
}

/// <summary>A row of <c>Cases</c>: one person's record.</summary>
/// <remarks>
/// Changed only by read-modify-write with the row's ETag (<see cref="CaseStore.UpdateAsync"/>); every change
/// raises <see cref="Version"/>, which orders the writes of <see cref="CaseSummaryEntity"/>.
/// </remarks>
internal sealed class CaseEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The case id again: a point read needs both keys.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The office responsible now: the Lapas until release, then the Bapas (or where a transfer moved it).</summary>
    public string OfficeCode { get; set; } = "";

    /// <summary>The Lapas or Rutan that enrolled the person.</summary>
    public string LapasCode { get; set; } = "";

    public string Province { get; set; } = "";

    public string RegistrationNumber { get; set; } = "";

    /// <summary>Sensitive: never in logs, ids, URLs or queue messages.</summary>
    public string FullName { get; set; } = "";

    /// <summary>Sensitive, like the name.</summary>
    public string? Nik { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string ExpectedReleaseDate { get; set; } = "";

    /// <summary>The recorded <see cref="Consent"/> as JSON.</summary>
    public string ConsentJson { get; set; } = "";

    /// <summary>A <see cref="PipelineStage"/> name.</summary>
    public string Stage { get; set; } = nameof(PipelineStage.Enrollment);

    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>What is due next, in a word: assessment, release, follow-up, programme end.</summary>
    public string? NextDue { get; set; }

    public int? NextFollowUp { get; set; }

    /// <summary>The pipeline time of the progress last recorded; older progress (a re-run) is not applied over newer.</summary>
    public DateTimeOffset? ProgressAt { get; set; }

    /// <summary>The Bapas that took the case over on release.</summary>
    public string? BapasCode { get; set; }

    public string? MentorUsername { get; set; }

    /// <summary>The recorded <see cref="Assessment"/> as JSON. Personal data (health, family): kept only here, never in logs, events or the timeline.</summary>
    public string? AssessmentJson { get; set; }

    /// <summary>Every track scored when the assessment was recorded, best first, with its reasons: a list of <see cref="TrackRecommendation"/> as JSON.</summary>
    public string? RecommendationsJson { get; set; }

    /// <summary>Who recorded the assessment.</summary>
    public string? AssessedBy { get; set; }

    public DateTimeOffset? AssessedAt { get; set; }

    /// <summary>The recommended tracks, best first, comma-separated.</summary>
    public string? RecommendedTracks { get; set; }

    /// <summary>A <see cref="Domain.ReleaseKind"/> name, once a release is recorded.</summary>
    public string? ReleaseKind { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    public DateTimeOffset? SupervisionEnd { get; set; }

    /// <summary>Who recorded the release ("pipeline" when the expected date came).</summary>
    public string? ReleaseRecordedBy { get; set; }

    /// <summary>A <see cref="Domain.WithdrawalReason"/> name, once a withdrawal is requested.</summary>
    public string? WithdrawalReason { get; set; }

    /// <summary>The note given with the withdrawal; free text, kept only here.</summary>
    public string? WithdrawalNote { get; set; }

    /// <summary>The final <see cref="PipelineStage"/> name, once the pipeline has ended.</summary>
    public string? Outcome { get; set; }

    public string? OutcomeReason { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>The idempotency key of the enrolment that created the record (a retry of it resumes, anyone else gets 409).</summary>
    public string? EnrolKey { get; set; }

    /// <summary>The key of the staff action that recorded the assessment, so its retry is recognised.</summary>
    public string? AssessmentKey { get; set; }

    /// <summary>The key of the staff action that recorded the release, and when.</summary>
    public string? ReleaseKey { get; set; }

    public DateTimeOffset? ReleaseRecordedAt { get; set; }

    /// <summary>The mentor the release named, if any: the pipeline's repair tells the pipeline again what the release said.</summary>
    public string? ReleaseMentor { get; set; }

    /// <summary>The key of the staff action that requested the withdrawal, and when.</summary>
    public string? WithdrawalKey { get; set; }

    public DateTimeOffset? WithdrawalRequestedAt { get; set; }

    public string? WithdrawalRequestedBy { get; set; }

    /// <summary>The key of the last transfer, when it was made and the office it left.</summary>
    public string? TransferKey { get; set; }

    public DateTimeOffset? TransferredAt { get; set; }

    public string? TransferredFrom { get; set; }

    /// <summary>Offices the case has left (comma-separated): every summary write removes any row left under them.</summary>
    public string? FormerOffices { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by one on every change.</summary>
    public long Version { get; set; }

    /// <summary>When the person was erased (<c>Privacy/CaseErasure</c>): the row keeps only de-identified values for the programme's figures.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>
    /// When an erasure of the person was requested (<c>Privacy/CaseErasure</c>): from then on every path refuses the case as if
    /// it were gone (views, corrections, the repair sweep), while the erasure's work runs in the background.
    /// </summary>
    public DateTimeOffset? ErasingSince { get; set; }

    /// <summary>Whether the person is erased or being erased: no path may read or change the record any more.</summary>
    public bool IsErasing => ErasedAt is not null || ErasingSince is not null;

    /// <summary>When the pipeline closed the case (graduated, withdrawn, ended): the retention period counts from here.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    [IgnoreDataMember]
    public string CaseId => RowKey;

    [IgnoreDataMember]
    public PipelineStage StageValue => Enum.Parse<PipelineStage>(Stage);

    [IgnoreDataMember]
    public bool IsClosed => Outcome is not null;
}

/// <summary>A row of <c>CasesByOffice</c>: what an office list shows of a case.</summary>
internal sealed class CaseSummaryEntity : ITableEntity
{
    /// <summary>The office code.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The case id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RegistrationNumber { get; set; } = "";

    /// <summary>The person's name, for staff of the office; sensitive like <see cref="CaseEntity.FullName"/>.</summary>
    public string DisplayName { get; set; } = "";

    public string Stage { get; set; } = "";

    public DateTimeOffset? NextDueAt { get; set; }

    public string? NextDue { get; set; }

    public string? MentorUsername { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The <see cref="CaseEntity.Version"/> this summary was written from; a lower one never overwrites a higher.</summary>
    public long Version { get; set; }

    public static CaseSummaryEntity From(CaseEntity record) => new()
    {
        PartitionKey = record.OfficeCode,
        RowKey = record.CaseId,
        RegistrationNumber = record.RegistrationNumber,
        DisplayName = record.FullName,
        Stage = record.Stage,
        NextDueAt = record.NextDueAt,
        NextDue = record.NextDue,
        MentorUsername = record.MentorUsername,
        UpdatedAt = record.UpdatedAt,
        Version = record.Version,
    };
}

/// <summary>A row of <c>CaseTimeline</c>: one thing that happened to a case, by whom.</summary>
internal sealed class TimelineEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary><c>yyyyMMddTHHmmss.fffffffZ-{short id}</c>: sorts by time.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A staff username, or <see cref="CaseTimeline.Pipeline"/>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>A <see cref="TimelineAction"/> name.</summary>
    public string Action { get; set; } = "";

    /// <summary>What changed, in English, without names or NIKs.</summary>
    public string? Detail { get; set; }

    /// <summary>The values <see cref="Detail"/> is made of, as a JSON object of strings keyed by <see cref="TimelineParameters"/>, so a page can say it in its own language.</summary>
    public string? ParametersJson { get; set; }
}

/// <summary>What a timeline entry records.</summary>
internal enum TimelineAction
{
    Enrolled,
    Viewed,
    StageChanged,
    AssessmentRecorded,
    ReleaseRecorded,
    Released,
    FollowUpRecorded,
    FollowUpOverdue,
    NotificationQueued,
    WithdrawalRequested,
    Transferred,
    Closed,

    // Training, capital and marketing actions: written by their services, keyed by the action (TimelineDetail.Business.cs).
    TrainingEnrolled,
    AttendanceRecorded,
    TrainingResultRecorded,
    ReferralSubmitted,
    ReferralAnswered,
    PermitRecorded,
    ProductAdded,
    ProductNominated,
    ProductCurated,
    ShowcaseAdded,
    SalesRecorded,
    CertificateUploaded,
    ProductPhotoUploaded,

    // An administrator's use of an instance route (/api/instances) on the case's pipeline.
    PipelineControlled,

    // The repair sweep found the pipeline Failed or Terminated while the case is open (FailedPipelines), keyed by the stop.
    PipelineStopped,

    // The case's mentor was deactivated and another took the case over (Staff/StaffAdministration.cs).
    MentorChanged,

    // The person took part in a Pokmas Lipas activity (Pokmas/PokmasService.cs), keyed by the activity.
    PokmasActivity,

    // Personal data (Privacy/): a change of consent, a correction (old and new values only in PersonalDataAudit),
    // an export of everything held, and reads of the timeline and files (docs/privacy.md).
    ConsentChanged,
    Corrected,
    Exported,
    TimelineRead,
    FileDownloaded,
}

/// <summary>What an administrator did to a case's pipeline through the instance routes (<c>/api/instances</c>).</summary>
internal enum PipelineControl
{
    StatusRead,
    HistoryRead,
    Suspended,
    Resumed,
    Terminated,
    Purged,
    Restarted,
}
