namespace PepFunctions.Domain;

/// <summary>Where a person is in the programme, "from upstream to downstream".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PipelineStage>))]
public enum PipelineStage
{
    /// <summary>Enrolled at a Lapas, consent recorded.</summary>
    Enrollment,

    /// <summary>Waiting for the <i>asesmen potensi dan minat</i> (assessment of potential and interest).</summary>
    Assessment,

    /// <summary>In a training batch.</summary>
    Training,

    /// <summary>Trained; waiting to be released.</summary>
    AwaitingRelease,

    /// <summary>Released; followed up by a Bapas officer or Pokmas Lipas mentor, with capital referrals and marketing.</summary>
    Mentoring,

    /// <summary>The business runs on its own (<see cref="GraduationRule"/>). Final.</summary>
    Graduated,

    /// <summary>Left the programme early (<see cref="WithdrawalReason"/>). Final.</summary>
    Withdrawn,

    /// <summary>The programme period ran out without graduation. Final.</summary>
    Ended,
}
