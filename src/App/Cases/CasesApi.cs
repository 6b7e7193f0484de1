using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>The case API: <c>/api/cases</c>, <c>/api/follow-ups</c> and their CSV exports. Staff only; errors as ProblemDetails.</summary>
internal static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Cases").RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        var cases = api.MapGroup("/cases");

        cases.MapPost("", EnrolAsync).Accepts<Enrollment>("application/json")
            .WithSummary("Enrols a person with their consent and starts their pipeline.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("", (string? office, string? stage, HttpContext http, CaseService service, CancellationToken ct) =>
                ListAsync(service, http.Staff(), new CaseListQuery(office, stage), ct))
            .WithSummary("The cases the signed-in staff member may see, by office and stage.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapGet("/{id}", async Task<Ok<CaseResponse>> (string id, HttpContext http, CaseService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(http.Staff(), id, ct)))
            .WithSummary("A person's record, progress and follow-ups; the view is audited.").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{id}/timeline", async Task<Ok<IReadOnlyList<TimelineEntryResponse>>> (string id, HttpContext http, CaseService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetTimelineAsync(http.Staff(), id, ct)))
            .WithSummary("Every stage change and staff action on the case, oldest first.").ProducesProblem(StatusCodes.Status404NotFound);

        MapAction<AssessmentRequest, AssessmentResponse>(cases, "/{id}/assessment", (s, staff, id, body, ct) => s.RecordAssessmentAsync(staff, id, body, ct))
            .WithSummary("Records the assessment of potential and interest; the pipeline moves on to training.");
        MapAction<ReleaseRequest, CaseActionAccepted>(cases, "/{id}/release", (s, staff, id, body, ct) => s.RecordReleaseAsync(staff, id, body, ct))
            .WithSummary("Records a release (end of sentence, PB, CB, CMB, asimilasi); the case moves to the Bapas.");
        MapAction<WithdrawalRequest, CaseActionAccepted>(cases, "/{id}/withdrawal", (s, staff, id, body, ct) => s.WithdrawAsync(staff, id, body, ct))
            .WithSummary("Withdraws the person from the programme.");
        cases.MapPost("/{id}/follow-ups/{seq:int}", async Task<Accepted<CaseActionAccepted>> (string id, int seq, HttpRequest request, CaseService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<FollowUpRequest>(request, ct);
                var accepted = await service.RecordFollowUpAsync(request.HttpContext.Staff(), id, seq, body, ct);
                return TypedResults.Accepted(accepted.StatusUrl, accepted);
            })
            .Accepts<FollowUpRequest>("application/json").WithSummary("Records follow-up number seq (from 1) of a released person.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id}/transfer", async Task<Ok<CaseResponse>> (string id, HttpRequest request, CaseService service, CancellationToken ct) =>
                TypedResults.Ok(await service.TransferAsync(request.HttpContext.Staff(), id, await JsonBody.ReadAsync<TransferRequest>(request, ct), ct)))
            .Accepts<TransferRequest>("application/json").WithSummary("Moves the case to another office (Kanwil coordinators within their province, administrators).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/cases.csv", CasesCsvAsync).WithSummary("The cases the signed-in staff member may see, as CSV.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/follow-ups", async Task<Ok<IReadOnlyList<DueFollowUpResponse>>> (string? office, string? window, HttpContext http, CaseService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListDueFollowUpsAsync(http.Staff(), office, window, ct)))
            .WithTags("Mentoring").WithSummary("Open follow-ups due within window days (7 by default) and overdue ones.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/follow-ups.csv", FollowUpsCsvAsync).WithTags("Mentoring").WithSummary("The due and overdue follow-ups, as CSV.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Created<CaseResponse>> EnrolAsync(HttpRequest request, CaseService service, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<Enrollment>(request, cancellationToken);
        var created = await service.EnrolAsync(request.HttpContext.Staff(), body, cancellationToken);
        return TypedResults.Created(CaseService.PathOf(created.CaseId), created);
    }

    private static async Task<Ok<IReadOnlyList<CaseSummaryResponse>>> ListAsync(CaseService service, StaffMember staff, CaseListQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(staff, query, cancellationToken));

    /// <summary>A POST that reads a JSON body, calls the service, and answers 202 with the case's path.</summary>
    private static RouteHandlerBuilder MapAction<TRequest, TResponse>(
        RouteGroupBuilder cases, string pattern, Func<CaseService, StaffMember, string, TRequest, CancellationToken, Task<TResponse>> act)
        where TRequest : class =>
        cases.MapPost(pattern, async Task<Accepted<TResponse>> (string id, HttpRequest request, CaseService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<TRequest>(request, ct);
                var result = await act(service, request.HttpContext.Staff(), id, body, ct);
                return TypedResults.Accepted(CaseService.PathOf(id), result);
            })
            .Accepts<TRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<FileContentHttpResult> CasesCsvAsync(string? office, string? stage, HttpContext http, CaseService service, CancellationToken cancellationToken)
    {
        var list = await service.ListAsync(http.Staff(), new CaseListQuery(office, stage), cancellationToken);
        var csv = Csv.Write(
            ["caseId", "officeCode", "registrationNumber", "name", "stage", "nextDue", "nextDueAt", "mentor", "updatedAt"],
            list.Select(c => new[] { c.CaseId, c.OfficeCode, c.RegistrationNumber, c.DisplayName, c.Stage.ToString(), c.NextDue, Iso(c.NextDueAt), c.Mentor, Iso(c.UpdatedAt) }));
        return TypedResults.File(csv, "text/csv; charset=utf-8", "cases.csv");
    }

    private static async Task<FileContentHttpResult> FollowUpsCsvAsync(string? office, string? window, HttpContext http, CaseService service, CancellationToken cancellationToken)
    {
        var list = await service.ListDueFollowUpsAsync(http.Staff(), office, window, cancellationToken);
        var csv = Csv.Write(
            ["caseId", "followUp", "dueAt", "state", "officeCode", "mentor"],
            list.Select(f => new[] { f.CaseId, f.Sequence.ToString(CultureInfo.InvariantCulture), Iso(f.DueAt), f.State.ToString(), f.OfficeCode, f.Mentor }));
        return TypedResults.File(csv, "text/csv; charset=utf-8", "follow-ups.csv");
    }

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
