using Azure;
using Azure.Data.Tables;

namespace PepFunctions.App.Training;

/// <summary>The training tables' names after the hub prefix.</summary>
internal static class TrainingTables
{
    /// <summary>PartitionKey = office code, RowKey = batch id.</summary>
    public const string Batches = "TrainingBatches";

    /// <summary>PartitionKey = batch id, RowKey = case id: attendance per session and the result.</summary>
    public const string Enrolments = "TrainingEnrolments";

    /// <summary>PartitionKey = case id, RowKey = batch id: a person's trainings, for their page.</summary>
    public const string CaseTrainings = "CaseTrainings";
}

/// <summary>A row of <c>TrainingBatches</c>.</summary>
internal sealed class TrainingBatchEntity : ITableEntity
{
    /// <summary>The office code.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The batch id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Track { get; set; } = "";

    public string Partner { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string StartDate { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string EndDate { get; set; } = "";

    public int Sessions { get; set; }

    public int Capacity { get; set; }

    /// <summary>Participants enrolled; changed only with the row's ETag, so the capacity holds under concurrent enrolments.</summary>
    public int Enrolled { get; set; }

    /// <summary>The idempotency keys of the latest actions that took a place, comma-separated, so a retried one takes none.</summary>
    public string? PlaceKeys { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A row of <c>TrainingEnrolments</c>.</summary>
internal sealed class TrainingEnrolmentEntity : ITableEntity
{
    /// <summary>The batch id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The case id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The sessions attended, ascending and comma-separated, e.g. <c>1,2,4</c>.</summary>
    public string AttendedSessions { get; set; } = "";

    /// <summary>The final assessment; null until recorded.</summary>
    public bool? Passed { get; set; }

    /// <summary><see cref="Domain.CompletionRule"/>'s verdict; null until the result is recorded.</summary>
    public bool? Completed { get; set; }

    public double? AttendancePercent { get; set; }

    public string? Reason { get; set; }

    /// <summary>The certificate's content type; null until one is uploaded.</summary>
    public string? CertificateContentType { get; set; }

    public string EnrolledBy { get; set; } = "";

    public DateTimeOffset EnrolledAt { get; set; }

    /// <summary>The idempotency key of the action that enrolled the person, so its retry is recognised.</summary>
    public string? EnrolKey { get; set; }

    public string? ResultBy { get; set; }

    public DateTimeOffset? ResultAt { get; set; }
}

/// <summary>A row of <c>CaseTrainings</c>: what a person's page shows of one training.</summary>
internal sealed class CaseTrainingEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The batch id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Track { get; set; } = "";

    public string OfficeCode { get; set; } = "";

    public string Partner { get; set; } = "";

    public string StartDate { get; set; } = "";

    public string EndDate { get; set; } = "";

    public int Sessions { get; set; }

    public int AttendedCount { get; set; }

    public bool? Passed { get; set; }

    public bool? Completed { get; set; }

    public double? AttendancePercent { get; set; }

    public string? Reason { get; set; }

    public bool HasCertificate { get; set; }
}
