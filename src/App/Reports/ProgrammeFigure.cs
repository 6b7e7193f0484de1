namespace PepFunctions.App.Reports;

/// <summary>What one programme fact counts (<see cref="ProgrammeFact"/>); the report adds them up.</summary>
public enum ProgrammeFigure
{
    /// <summary>A person enrolled, with consent.</summary>
    Enrolled,

    /// <summary>A person's potential and interest assessed.</summary>
    Assessed,

    /// <summary>A person placed in a training batch (dimension: track).</summary>
    PlacedInTraining,

    /// <summary>A person's training result recorded (dimension: <c>completed</c> or <c>notCompleted</c>).</summary>
    TrainingFinished,

    /// <summary>A person completed a training by the completion rule (dimension: track; detail: batch).</summary>
    Trained,

    /// <summary>A person released (dimension: release kind); counted at the Lapas that released them.</summary>
    Released,

    /// <summary>A released person handed to a Bapas for mentoring; counted at the Bapas.</summary>
    MentoringStarted,

    /// <summary>A person graduated (<i>mandiri</i>).</summary>
    Graduated,

    /// <summary>A person withdrawn (dimension: reason).</summary>
    Withdrawn,

    /// <summary>A follow-up due, in the month it is due.</summary>
    FollowUpDue,

    /// <summary>A follow-up recorded (dimension: <c>onTime</c> or <c>late</c>, by the visit's day against the due day).</summary>
    FollowUpDone,

    /// <summary>A follow-up passed its grace period unrecorded.</summary>
    FollowUpOverdue,

    /// <summary>A referral sent to a financing partner (dimension: partner kind; amount asked).</summary>
    ReferralSent,

    /// <summary>A referral accepted.</summary>
    ReferralAccepted,

    /// <summary>A referral rejected.</summary>
    ReferralRejected,

    /// <summary>A referral disbursed (dimension: partner kind; amount).</summary>
    ReferralDisbursed,

    /// <summary>A permit granted (dimension: permit kind).</summary>
    PermitObtained,

    /// <summary>A product registered.</summary>
    ProductRegistered,

    /// <summary>A product nominated as <i>produk unggulan</i>.</summary>
    ProductNominated,

    /// <summary>A product curated (approved) as <i>produk unggulan</i>.</summary>
    ProductCurated,

    /// <summary>A product shown at an exhibition or through a sales channel.</summary>
    ProductShowcased,

    /// <summary>A person's sales of one month (amount), in that month.</summary>
    Sales,

    /// <summary>An activity a Pokmas Lipas held (amount: the people it reached).</summary>
    PokmasActivity,
}

/// <summary>
/// One thing that happened in the programme, as the report counts it: a figure at an office in a month, about a subject
/// (a person, a referral, a product) that makes it once, whatever wrote it and however often.
/// </summary>
/// <param name="Figure">What it counts.</param>
/// <param name="OfficeCode">The office it counts at.</param>
/// <param name="Month">The office's month (<c>yyyy-MM</c>) it counts in.</param>
/// <param name="Subject">What makes it one: written again with the same subject, it replaces itself.</param>
/// <param name="Person">An opaque key of the person it concerns (a hash of the case id), for counting people.</param>
/// <param name="Dimension">How it breaks down (a track, a release kind, a reason), or null.</param>
/// <param name="Amount">Rupiah or people, or 0.</param>
/// <param name="Detail">A second breakdown (a training's batch), or null.</param>
public sealed record ProgrammeFact(
    ProgrammeFigure Figure, string OfficeCode, string Month, string Subject, string Person, string? Dimension = null, long Amount = 0, string? Detail = null);
