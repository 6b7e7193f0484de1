using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

// The person page's forms. Every field is nullable so a form with errors comes back exactly as it was sent;
// the services say what is missing or wrong.

/// <summary>The <i>asesmen potensi dan minat</i>.</summary>
internal sealed class AssessmentForm
{
    public List<TrainingTrack>? Interests { get; set; }

    public List<TrainingTrack>? PriorSkills { get; set; }

    public string? PriorWork { get; set; }

    public EducationLevel? Education { get; set; }

    public bool? CanReadWrite { get; set; }

    public string? HealthConstraint { get; set; }

    public string? FamilyConstraint { get; set; }

    public BusinessType? PreferredBusiness { get; set; }
}

/// <summary>A release from the Lapas.</summary>
internal sealed class ReleaseForm
{
    public ReleaseKind? Kind { get; set; }

    public DateOnly? Date { get; set; }

    public DateOnly? SentenceEnd { get; set; }

    public string? Mentor { get; set; }
}

/// <summary>A follow-up visit or call after release.</summary>
internal sealed class FollowUpForm
{
    public int? Sequence { get; set; }

    public DateOnly? Date { get; set; }

    public ContactMode? Mode { get; set; }

    public BusinessStatus? BusinessStatus { get; set; }

    public IncomeBand? IncomeBand { get; set; }

    public string? Needs { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Leaving the programme early.</summary>
internal sealed class WithdrawalForm
{
    public WithdrawalReason? Reason { get; set; }

    public string? Note { get; set; }

    /// <summary>The staff member ticked that they mean it: a withdrawal ends the person's programme and cannot be undone.</summary>
    public bool Confirmed { get; set; }
}

/// <summary>Moving the case to another office.</summary>
internal sealed class TransferForm
{
    public string? OfficeCode { get; set; }

    public string? Mentor { get; set; }
}

/// <summary>Placing the person in a training batch.</summary>
internal sealed class BatchEnrolForm
{
    public string? BatchId { get; set; }
}
