using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

internal sealed partial class DetailModel
{
    [BindProperty]
    public AssessmentForm Assessment { get; set; } = new();

    [BindProperty]
    public ReleaseForm Release { get; set; } = new();

    [BindProperty]
    public FollowUpForm FollowUp { get; set; } = new();

    [BindProperty]
    public WithdrawalForm Withdrawal { get; set; } = new();

    [BindProperty]
    public TransferForm Transfer { get; set; } = new();

    [BindProperty]
    public BatchEnrolForm BatchEnrol { get; set; } = new();

    /// <summary>Records the assessment; the page then shows the answers and every track scored, best first, with the reasons.</summary>
    public async Task<IActionResult> OnPostAssessmentAsync(CancellationToken cancellationToken)
    {
        var request = new AssessmentRequest(
            Assessment.Interests ?? [], Assessment.PriorSkills ?? [], Assessment.PriorWork, Assessment.Education, Assessment.CanReadWrite,
            Assessment.HealthConstraint, Assessment.FamilyConstraint, Assessment.PreferredBusiness);
        if (!await TrySubmitAsync(nameof(Assessment), async () => await cases.RecordAssessmentAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), Pipelines, cancellationToken)))
        {
            return await RedisplayAsync(cancellationToken);
        }

        await WaitForPipelineAsync(stage => stage is not (PipelineStage.Enrollment or PipelineStage.Assessment), cancellationToken);
        return Confirm("Assessment");
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken cancellationToken)
    {
        var request = new ReleaseRequest(Release.Kind, Release.Date, Release.SentenceEnd, Release.Mentor);
        var office = await offices.FindAsync(CaseId, cancellationToken);
        if (!await TrySubmitAsync(nameof(Release), async () => await cases.RecordReleaseAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), Pipelines, cancellationToken)))
        {
            return await RedisplayAsync(cancellationToken);
        }

        await WaitForPipelineAsync(stage => stage is not (PipelineStage.Training or PipelineStage.AwaitingRelease), cancellationToken);
        // The pipeline hands the case to the Bapas, out of a Lapas officer's sight: confirm on the list then.
        var bapas = office is null ? null : Offices.BapasFor(office)?.Code;
        return bapas is null || AccessPolicy.CanView(Staff, bapas) ? Confirm("Release") : Redirect("/kasus?saved=Release");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(CancellationToken cancellationToken)
    {
        var request = new FollowUpRequest(FollowUp.Date, FollowUp.Mode, FollowUp.BusinessStatus, FollowUp.IncomeBand, FollowUp.Needs, FollowUp.Notes);
        return await TrySubmitAsync(nameof(FollowUp), async () => await cases.RecordFollowUpAsync(Staff, CaseId, FollowUp.Sequence ?? 0, request, await ActionKeyAsync(cancellationToken), Pipelines, cancellationToken),
                new Dictionary<string, string> { ["Seq"] = nameof(FollowUpForm.Sequence) })
            ? Confirm("FollowUp")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawalAsync(CancellationToken cancellationToken)
    {
        var request = new WithdrawalRequest(Withdrawal.Reason, Withdrawal.Note);
        // Irreversible: nothing is sent to the service until the staff member has ticked that they mean it. One who may not
        // withdraw the person at all goes on to the service, which refuses (403, or 404 for a case they may not see) as it always did.
        if (!Withdrawal.Confirmed && await offices.FindAsync(CaseId, cancellationToken) is { } office
            && AccessPolicy.CanPerform(Staff, PipelineAction.Withdraw, office))
        {
            ModelState.AddModelError($"{nameof(Withdrawal)}.{nameof(WithdrawalForm.Confirmed)}", L["Withdrawal.ConfirmRequired"]);
            Fail(nameof(Withdrawal), L["Form.HasErrors"]);
            return await RedisplayAsync(cancellationToken);
        }

        return await TrySubmitAsync(nameof(Withdrawal), async () => await cases.WithdrawAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), Pipelines, cancellationToken))
            ? Confirm("Withdrawal")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken)
    {
        var request = new TransferRequest(Transfer.OfficeCode, string.IsNullOrWhiteSpace(Transfer.Mentor) ? null : Transfer.Mentor);
        CaseResponse? moved = null;
        if (await TrySubmitAsync(nameof(Transfer), async () => moved = await cases.TransferAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), cancellationToken)))
        {
            // The case may now be outside what the staff member sees.
            return AccessPolicy.CanView(Staff, moved!.OfficeCode) ? Confirm("Transfer") : Redirect("/kasus?saved=Transfer");
        }

        return await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostBatchEnrolAsync(CancellationToken cancellationToken)
    {
        var batchId = BatchEnrol.BatchId ?? "";
        if (string.IsNullOrWhiteSpace(batchId))
        {
            ModelState.AddModelError($"{nameof(BatchEnrol)}.{nameof(BatchEnrolForm.BatchId)}", L["Binding.Required"]);
            Fail(nameof(BatchEnrol), L["Form.HasErrors"]);
            return await RedisplayAsync(cancellationToken);
        }

        return await TrySubmitAsync(nameof(BatchEnrol), async () => await training.EnrolAsync(Staff, batchId, new EnrolRequest(CaseId), await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("BatchEnrol")
            : await RedisplayAsync(cancellationToken);
    }

    /// <summary>The action's idempotency key: the form's hidden <see cref="IdempotencyKeys.FormField"/>, so a resubmitted form is recognised.</summary>
    private Task<string> ActionKeyAsync(CancellationToken cancellationToken) => IdempotencyKeys.ForAsync(Request, Staff, cancellationToken);
}
