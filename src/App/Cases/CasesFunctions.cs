using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// The case JSON API: <c>/api/cases</c>, <c>/api/follow-ups</c> and their CSV exports. Every function needs a signed-in
/// member of staff (<see cref="StaffApi"/>); the service's errors are ProblemDetails (400 naming the fields, 403, 404, 409).
/// </summary>
public sealed class CasesFunctions(StaffApi api, CaseService cases, StaffActions actions, IDataProtectionProvider protection)
{
    private readonly IDataProtector _continuations = protection.CreateProtector(CaseListPage.ProtectorPurpose);

    /// <summary>Enrols a person with their consent and starts their pipeline.</summary>
    [Function("EnrolCase")]
    public Task<IActionResult> EnrolAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        actions.With<Enrollment>(request).RunOnceAsync("enrolments",
            (staff, body, key, ct) => cases.EnrolAsync(staff, body, key, client, ct),
            created => TypedResults.Created(CaseService.PathOf(created.CaseId), created));

    /// <summary>
    /// The cases the signed-in staff member may see, by office and stage, searched by name or registration number (<c>q</c>), a page at a
    /// time (<c>pageSize</c>, <c>continuationToken</c>; the next page's token is in the <c>x-ms-continuation</c> header: <see cref="CaseListPage"/>).
    /// </summary>
    [Function("ListCases")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var (items, continuation) = CaseListPage.Take(
                await cases.ListAsync(staff, ListQuery(request), cancellationToken), request.Query["pageSize"], request.Query["continuationToken"], _continuations);
            if (continuation is not null)
            {
                request.HttpContext.Response.Headers[CaseListPage.ContinuationHeader] = continuation;
            }

            return TypedResults.Ok(items);
        });

    /// <summary>A person's record, progress and follow-ups; the view is audited.</summary>
    [Function("GetCase")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await cases.GetAsync(staff, id, client, cancellationToken)));

    /// <summary>Every stage change and staff action on the case, oldest first.</summary>
    [Function("GetCaseTimeline")]
    public Task<IActionResult> GetTimelineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{id}/timeline")] HttpRequest request, string id) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await cases.GetTimelineAsync(staff, id, cancellationToken)));

    /// <summary>Records the assessment of potential and interest; the pipeline moves on to training.</summary>
    [Function("RecordAssessment")]
    public Task<IActionResult> RecordAssessmentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/assessment")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        actions.With<AssessmentRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.RecordAssessmentAsync(staff, id, body, key, client, ct),
            result => TypedResults.Accepted(CaseService.PathOf(id), result));

    /// <summary>Records a release (end of sentence, PB, CB, CMB, asimilasi); the case moves to the Bapas.</summary>
    [Function("RecordRelease")]
    public Task<IActionResult> RecordReleaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/release")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        actions.With<ReleaseRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.RecordReleaseAsync(staff, id, body, key, client, ct),
            result => TypedResults.Accepted(CaseService.PathOf(id), result));

    /// <summary>Withdraws the person from the programme.</summary>
    [Function("WithdrawCase")]
    public Task<IActionResult> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/withdrawal")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        actions.With<WithdrawalRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.WithdrawAsync(staff, id, body, key, client, ct),
            result => TypedResults.Accepted(CaseService.PathOf(id), result));

    /// <summary>Records follow-up number seq (from 1) of a released person.</summary>
    [Function("RecordFollowUp")]
    public Task<IActionResult> RecordFollowUpAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/follow-ups/{seq:int}")] HttpRequest request, string id, int seq,
        [DurableClient] DurableTaskClient client) =>
        actions.With<FollowUpRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.RecordFollowUpAsync(staff, id, seq, body, key, client, ct),
            accepted => TypedResults.Accepted(accepted.StatusUrl, accepted));

    /// <summary>Moves the case to another office (Kanwil coordinators within their province, administrators).</summary>
    [Function("TransferCase")]
    public Task<IActionResult> TransferAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{id}/transfer")] HttpRequest request, string id) =>
        actions.With<TransferRequest>(request).RunOnceAsync(id,
            (staff, body, key, ct) => cases.TransferAsync(staff, id, body, key, ct),
            result => TypedResults.Ok(result));

    /// <summary>The cases the signed-in staff member may see, as CSV.</summary>
    [Function("ExportCasesCsv")]
    public Task<IActionResult> ExportCasesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases.csv")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var list = await cases.ListAsync(staff, ListQuery(request), PersonalDataRead.CaseListCsv, cancellationToken);
            var csv = Csv.Write(
                ["caseId", "officeCode", "registrationNumber", "name", "stage", "nextDue", "nextDueAt", "mentor", "updatedAt"],
                list.Select(c => new[] { c.CaseId, c.OfficeCode, c.RegistrationNumber, c.DisplayName, c.Stage.ToString(), c.NextDue, Iso(c.NextDueAt), c.Mentor, Iso(c.UpdatedAt) }));
            return TypedResults.File(csv, "text/csv; charset=utf-8", "cases.csv");
        });

    /// <summary>Open follow-ups due within window days (7 by default) and overdue ones.</summary>
    [Function("ListDueFollowUps")]
    public Task<IActionResult> ListDueFollowUpsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/follow-ups")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await cases.ListDueFollowUpsAsync(staff, request.Query["office"], request.Query["window"], cancellationToken)));

    /// <summary>The due and overdue follow-ups, as CSV.</summary>
    [Function("ExportDueFollowUpsCsv")]
    public Task<IActionResult> ExportDueFollowUpsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/follow-ups.csv")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var list = await cases.ListDueFollowUpsAsync(staff, request.Query["office"], request.Query["window"], cancellationToken);
            var csv = Csv.Write(
                ["caseId", "followUp", "dueAt", "state", "officeCode", "mentor"],
                list.Select(f => new[] { f.CaseId, f.Sequence.ToString(CultureInfo.InvariantCulture), Iso(f.DueAt), f.State.ToString(), f.OfficeCode, f.Mentor }));
            return TypedResults.File(csv, "text/csv; charset=utf-8", "follow-ups.csv");
        });

    private static CaseListQuery ListQuery(HttpRequest request) => new(
        request.Query["office"], request.Query["stage"], request.Query["q"], !string.Equals(request.Query["closed"], "false", StringComparison.OrdinalIgnoreCase));

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
