using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Privacy;

/// <summary>What an administrator gives to erase a person.</summary>
public sealed record ErasureRequest(string? Reason);

/// <summary>
/// The person's rights over their data (UU 27/2022): export, correction, consent changes and erasure, under
/// <c>/api/cases/{id}/…</c>; and the retention sweep's timer. See <c>docs/privacy.md</c>.
/// </summary>
public sealed class PrivacyFunctions(
    StaffApi api, StaffActions actions, CaseService cases, CaseExport export, CaseErasure erasure, PersonalDataAudit audit, TimeProvider clock)
{
    /// <summary>Everything held about the person, as JSON; audited.</summary>
    [Function("ExportCase")]
    public Task<IActionResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{id}/export")] HttpRequest request, string id) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await export.ExportAsync(staff, id, clock.GetUtcNow(), cancellationToken)));

    /// <summary>Adds or withdraws one purpose of the person's consent; withdrawing Programme withdraws the case.</summary>
    [Function("ChangeConsent")]
    public Task<IActionResult> ChangeConsentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/consent")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        actions.With<ConsentChangeRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.ChangeConsentAsync(staff, id, body, key, client, ct),
            result => TypedResults.Ok(result));

    /// <summary>Corrects the person's name, NIK or registration number.</summary>
    [Function("CorrectCase")]
    public Task<IActionResult> CorrectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/correction")] HttpRequest request, string id) =>
        actions.With<CorrectionRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.CorrectAsync(staff, id, body, key, audit, ct),
            result => TypedResults.Ok(result));

    /// <summary>The corrections' old and new values; administrators only.</summary>
    [Function("ListCorrections")]
    public Task<IActionResult> ListCorrectionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{id}/corrections")] HttpRequest request, string id) =>
        api.RunAsAdministratorAsync(request, async (_, cancellationToken) =>
            TypedResults.Ok(await audit.ListAsync(id, cancellationToken)));

    /// <summary>Erases the person (administrators, with a reason): 202 with the erasure's line and, in <c>Location</c>, where to watch
    /// it. The case is refused everywhere from now on; the work (the pipeline ended and purged, the data removed or anonymised
    /// everywhere, one audit line left) runs in the background (<see cref="ErasureSweep"/>). Sent again, it answers with the erasure.</summary>
    [Function("EraseCase")]
    public Task<IActionResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/erasure")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (staff, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<ErasureRequest>(request, cancellationToken);
            var reason = body.Reason?.Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > CaseErasure.MaxReasonLength)
            {
                throw new RequestValidationException("reason", $"Say why, in 1 to {CaseErasure.MaxReasonLength} characters (no names).");
            }

            if (!Files.CaseOffices.IsPossibleId(id))
            {
                throw new NotFoundException($"Case '{id}' was not found.");
            }

            var started = await erasure.RequestAsync(id, staff.Username, reason, "Request", client, cancellationToken);
            return TypedResults.Accepted($"/api/cases/{Uri.EscapeDataString(id)}/erasure", started);
        });

    /// <summary>The erasure's audit line (case id, who, when, why); administrators only.</summary>
    [Function("GetErasure")]
    public Task<IActionResult> GetErasureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{id}/erasure")] HttpRequest request, string id) =>
        api.RunAsAdministratorAsync(request, async (_, cancellationToken) =>
            await erasure.FindAsync(id, cancellationToken) is { } found
                ? TypedResults.Ok(found)
                : throw new NotFoundException($"Case '{id}' has not been erased."));
}

/// <summary>The personal data pages' routes (<c>/kasus/{caseId}/ekspor</c>, <c>/kasus/{caseId}/data-pribadi</c>), handed to the staff pages like every other page's.</summary>
public sealed class PrivacyPageFunctions(Web.StaffPages pages)
{
    /// <summary><c>/kasus/{caseId}/ekspor</c>: the printable export of everything held about the person.</summary>
    [Function("PageCaseExport")]
    public Task<IActionResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "kasus/{caseId}/ekspor")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/kasus/{caseId}/data-pribadi</c>: consent changes (withdrawing Programme signals the pipeline) and corrections.</summary>
    [Function("PageCasePersonalData")]
    public Task<IActionResult> PersonalDataAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "kasus/{caseId}/data-pribadi")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        pages.RunAsync(request, client);
}
