using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Capital;

/// <summary>
/// The capital JSON API: <c>/api/cases/{caseId}/referrals</c> and <c>/api/cases/{caseId}/permits</c>. Every function
/// needs a signed-in member of staff (<see cref="StaffApi"/>).
/// </summary>
public sealed class CapitalFunctions(StaffApi api, StaffActions actions, ReferralService referrals, PermitService permits)
{
    /// <summary>Refers the person to a financing partner; shows the KUR tier.</summary>
    [Function("SubmitReferral")]
    public Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/referrals")] HttpRequest request, string caseId) =>
        actions.With<ReferralRequest>(request).RunOnceAsync(caseId,
            (staff, body, key, ct) => referrals.SubmitAsync(staff, caseId, body, key, ct),
            referral => TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/referrals", referral));

    /// <summary>The person's referrals, newest first.</summary>
    [Function("ListReferrals")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/referrals")] HttpRequest request, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await referrals.ListAsync(staff, caseId, cancellationToken)));

    /// <summary>The partner's answer; 409 for a move the status does not allow.</summary>
    [Function("AnswerReferral")]
    public Task<IActionResult> AnswerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/referrals/{referralId}/answer")] HttpRequest request,
        string caseId, string referralId) =>
        actions.With<ReferralAnswerRequest>(request).RunOnceAsync(caseId,
            (staff, body, key, ct) => referrals.AnswerAsync(staff, caseId, referralId, body, key, ct),
            result => TypedResults.Ok(result));

    /// <summary>The permit checklist: NIB, SPP-IRT, halal, BPOM.</summary>
    [Function("ListPermits")]
    public Task<IActionResult> ListPermitsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/permits")] HttpRequest request, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await permits.ListAsync(staff, caseId, cancellationToken)));

    /// <summary>The dates one permit was applied for and granted.</summary>
    [Function("SetPermit")]
    public Task<IActionResult> SetPermitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/cases/{caseId}/permits/{kind}")] HttpRequest request,
        string caseId, string kind) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var permitKind = ParsePermitKind(kind);
            // A PUT sets the same dates again when repeated; the key only makes its timeline entry appear once.
            var key = await IdempotencyKeys.ForAsync(request, staff, cancellationToken);
            var body = await JsonBody.ReadAsync<PermitRequest>(request, cancellationToken);
            return TypedResults.Ok(await permits.SetAsync(staff, caseId, permitKind, body, key, cancellationToken));
        });

    /// <exception cref="RequestValidationException"><paramref name="kind"/> names no <see cref="PermitKind"/>.</exception>
    private static PermitKind ParsePermitKind(string kind) =>
        Enum.TryParse<PermitKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new RequestValidationException(nameof(kind), $"'{kind}' is not a permit kind; use one of {string.Join(", ", Enum.GetNames<PermitKind>())}.");
}
