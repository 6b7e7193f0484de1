using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Capital;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Marketing;
using PepFunctions.App.Staff;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary>
/// <c>/kasus/{caseId}</c>: one person's way through the programme — the stages, a timeline of everything that
/// happened and is scheduled, and the forms that fit the current stage and the signed-in staff member's role.
/// </summary>
/// <remarks>Handlers for the case forms are in <c>Detail.Forms.cs</c>; capital and marketing in <c>Detail.Business.cs</c>.</remarks>
internal sealed partial class DetailModel(
    CaseService cases,
    TrainingService training,
    ReferralService referrals,
    PermitService permits,
    ProductService products,
    SalesService sales,
    ShowcaseService showcases,
    StaffDirectory directory,
    CaseOffices offices,
    TimeProvider clock) : StaffPageModel
{
    /// <summary>The stages a case goes through, in order (the final ones other than graduation are shown only when reached).</summary>
    public static readonly PipelineStage[] MainStages =
        [PipelineStage.Enrollment, PipelineStage.Assessment, PipelineStage.Training, PipelineStage.Mentoring, PipelineStage.Graduated];

    [FromRoute]
    public string CaseId { get; set; } = "";

    public CaseResponse Case { get; private set; } = null!;

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    public IReadOnlyList<CaseTrainingResponse> Trainings { get; private set; } = [];

    public IReadOnlyList<ReferralResponse> Referrals { get; private set; } = [];

    public IReadOnlyList<PermitResponse> Permits { get; private set; } = [];

    public IReadOnlyList<ProductResponse> Products { get; private set; } = [];

    public IReadOnlyList<SalesResponse> Sales { get; private set; } = [];

    /// <summary>The person's exhibitions and sales channels, of all products.</summary>
    public IReadOnlyList<ShowcaseResponse> Showcases { get; private set; } = [];

    public IReadOnlyList<BatchResponse> OpenBatches { get; private set; } = [];

    /// <summary>How often staff opened the record (the audit log's views).</summary>
    public int Views { get; private set; }

    /// <summary>Today at the office that holds the case (its own zone: WIB, WITA or WIT).</summary>
    public DateOnly Today => Offices.LocalDate(Case is null ? Staff.OfficeCode : Case.OfficeCode, clock.GetUtcNow());

    /// <summary>
    /// A staff action is recorded but the pipeline has not moved the case on yet (an assessment recorded, the stage still the
    /// assessment; a release recorded, the stage still training): the page shows the stage the action leads to, says it is
    /// being processed, and reloads itself (a <c>Refresh</c> header, no script) until the pipeline has moved.
    /// </summary>
    public bool Processing => !IsClosed
        && ((Case.Assessment is not null && Case.Progress.Stage is PipelineStage.Enrollment or PipelineStage.Assessment)
            || (Case.Release is not null && Case.Progress.Stage is PipelineStage.Training or PipelineStage.AwaitingRelease));

    /// <summary>The stage the page shows: the one the recorded action leads to while <see cref="Processing"/>, else the pipeline's.</summary>
    public PipelineStage ShownStage => !Processing ? Case.Progress.Stage
        : Case.Release is not null ? PipelineStage.Mentoring : PipelineStage.Training;

    public bool IsClosed => Case.Outcome is not null || Case.Progress.Stage is PipelineStage.Graduated or PipelineStage.Withdrawn or PipelineStage.Ended;

    public bool CanAssess => !IsClosed && Case.Progress.Stage is PipelineStage.Enrollment or PipelineStage.Assessment
        && Case.Assessment is null && May(PipelineAction.RecordAssessment);

    public bool CanEnrolInBatch => !IsClosed && Case.Release is null && Case.Progress.Stage is PipelineStage.Training or PipelineStage.AwaitingRelease
        && May(PipelineAction.ManageTraining);

    public bool CanRelease => !IsClosed && Case.Release is null && Case.Progress.Stage is PipelineStage.Training or PipelineStage.AwaitingRelease
        && May(PipelineAction.RecordRelease);

    public bool CanFollowUp => !IsClosed && Case.Progress.Stage == PipelineStage.Mentoring && OpenFollowUps.Count > 0 && May(PipelineAction.RecordFollowUp);

    public bool CanRefer => !IsClosed && Case.Release is not null && May(PipelineAction.ReferCapital);

    public bool CanAnswerReferral => May(PipelineAction.RecordPartnerAnswer);

    public bool CanAddProduct => !IsClosed && May(PipelineAction.AddProduct);

    public bool CanNominate => May(PipelineAction.NominateProduct);

    public bool CanWithdraw => !IsClosed && May(PipelineAction.Withdraw);

    public bool CanTransfer => !IsClosed && May(PipelineAction.Transfer) && TransferTargets.Count > 0;

    /// <summary>Follow-ups not yet recorded, in order.</summary>
    public IReadOnlyList<FollowUpResponse> OpenFollowUps => [.. Case.FollowUps.Where(f => f.State != FollowUpState.Done).OrderBy(f => f.Sequence)];

    /// <summary>The attendance a training needs to count as completed (configuration), for the reasons the page shows.</summary>
    public int AttendanceThresholdPercent => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.AttendanceThresholdPercent;

    /// <summary>Staff by display name: the mentor, who did what on the timeline.</summary>
    public StaffNames StaffNames { get; private set; } = null!;

    /// <summary>Bapas officers and Pokmas Lipas mentors of the Bapas that takes the person over.</summary>
    public IReadOnlyList<StaffMember> Mentors { get; private set; } = [];

    private IReadOnlyList<StaffMember> MentorsOf(IReadOnlyList<StaffMember> staff) =>
        [.. staff.Where(s => s.Role is StaffRole.BapasOfficer or StaffRole.PokmasMentor
            && string.Equals(s.OfficeCode, Case.BapasCode ?? Offices.BapasFor(Case.OfficeCode)?.Code, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Offices the case may move to: another Lapas or Rutan before release, another Bapas after it, all where the staff member may transfer.</summary>
    public IReadOnlyList<Office> TransferTargets => [.. Offices.Seed.Where(o =>
        !string.Equals(o.Code, Case.OfficeCode, StringComparison.OrdinalIgnoreCase)
        && (Case.Release is null ? o.Kind is OfficeKind.Lapas or OfficeKind.Rutan : o.Kind == OfficeKind.Bapas)
        && AccessPolicy.CanPerform(Staff, PipelineAction.Transfer, o.Code))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Processing)
        {
            Response.Headers["Refresh"] = ProcessingRefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Whether the staff member's role may do <paramref name="action"/> to this case.</summary>
    public bool May(PipelineAction action) => AccessPolicy.CanPerform(Staff, action, Case.OfficeCode);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Case = await cases.GetAsync(Staff, CaseId, Pipelines, cancellationToken);
        var timelineTask = cases.GetTimelineAsync(Staff, CaseId, cancellationToken);
        var trainingsTask = training.ListCaseTrainingsAsync(Staff, CaseId, cancellationToken);
        var referralsTask = referrals.ListAsync(Staff, CaseId, cancellationToken);
        var permitsTask = permits.ListAsync(Staff, CaseId, cancellationToken);
        var productsTask = products.ListAsync(Staff, CaseId, cancellationToken);
        var salesTask = sales.ListAsync(Staff, CaseId, cancellationToken);
        var showcasesTask = showcases.ListAsync(Staff, CaseId, cancellationToken);
        await Task.WhenAll(timelineTask, trainingsTask, referralsTask, permitsTask, productsTask, salesTask, showcasesTask);
        Trainings = trainingsTask.Result;
        Referrals = referralsTask.Result;
        Permits = permitsTask.Result;
        Products = productsTask.Result;
        Sales = salesTask.Result;
        Showcases = showcasesTask.Result;
        Views = timelineTask.Result.Count(entry => entry.Action == nameof(TimelineAction.Viewed));
        var staff = await directory.ListAsync(cancellationToken);
        StaffNames = StaffNames.From(staff, L);
        Timeline = CaseTimelineView.Build(this, timelineTask.Result);
        Mentors = MentorsOf(staff);
        if (CanEnrolInBatch)
        {
            var enrolled = Trainings.Select(t => t.BatchId).ToHashSet(StringComparer.Ordinal);
            OpenBatches = [.. (await training.ListBatchesAsync(Staff, Case.OfficeCode, cancellationToken))
                .Where(b => b.EndDate >= Today && b.Enrolled < b.Capacity && !enrolled.Contains(b.BatchId))];
        }
    }

    /// <summary>Re-renders the page after a form failed, keeping what was typed.</summary>
    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private RedirectResult Confirm(string what) => Redirect($"/kasus/{Uri.EscapeDataString(CaseId)}?saved={what}");

    /// <summary>How often a page in the <see cref="Processing"/> state reloads itself.</summary>
    private const int ProcessingRefreshSeconds = 2;

    /// <summary>How long an action's redirect waits for the pipeline to move the case on, so that the next page mostly shows the new stage.</summary>
    private static readonly TimeSpan PipelineWait = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Waits (a point read of the case every 100 ms, at most <see cref="PipelineWait"/>) until <paramref name="moved"/> holds for the
    /// case's stage; the page after the redirect shows the saved state, or says it is being processed when the pipeline is slower.
    /// </summary>
    private async Task WaitForPipelineAsync(Func<PipelineStage?, bool> moved, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + PipelineWait;
        while (clock.GetUtcNow() < deadline)
        {
            var holder = await offices.FindHolderAsync(CaseId, cancellationToken);
            if (holder is null || moved(holder.Stage))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }
}
