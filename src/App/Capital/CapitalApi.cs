using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Capital;

/// <summary>The capital JSON API: <c>/api/cases/{caseId}/referrals</c> and <c>/api/cases/{caseId}/permits</c>.</summary>
internal static class CapitalApi
{
    /// <summary>Adds <see cref="ReferralService"/> and <see cref="PermitService"/>.</summary>
    public static WebApplicationBuilder AddCapital(this WebApplicationBuilder builder)
    {
        builder.AddRecordStorage();
        builder.Services.AddSingleton<ReferralService>();
        builder.Services.AddSingleton<PermitService>();
        return builder;
    }

    /// <summary>Maps the capital endpoints; all need a signed-in member of staff.</summary>
    public static IEndpointRouteBuilder MapCapitalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{caseId}").WithTags("Capital")
            .RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>();
        api.MapPost("/referrals", SubmitAsync).WithSummary("Refers the person to a financing partner; shows the KUR tier.");
        api.MapGet("/referrals", ListAsync).WithSummary("The person's referrals, newest first.");
        api.MapPost("/referrals/{referralId}/answer", AnswerAsync).WithSummary("The partner's answer; 409 for a move the status does not allow.");
        api.MapGet("/permits", ListPermitsAsync).WithSummary("The permit checklist: NIB, SPP-IRT, halal, BPOM.");
        api.MapPut("/permits/{kind}", SetPermitAsync).WithSummary("The dates one permit was applied for and granted.");
        return app;
    }

    private static async Task<Created<ReferralResponse>> SubmitAsync(
        string caseId, ReferralRequest request, ReferralService referrals, HttpContext http, CancellationToken cancellationToken)
    {
        var referral = await referrals.SubmitAsync(http.Staff(), caseId, request, cancellationToken);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/referrals", referral);
    }

    private static async Task<Ok<IReadOnlyList<ReferralResponse>>> ListAsync(
        string caseId, ReferralService referrals, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await referrals.ListAsync(http.Staff(), caseId, cancellationToken));

    private static async Task<Ok<ReferralResponse>> AnswerAsync(
        string caseId, string referralId, ReferralAnswerRequest request, ReferralService referrals, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await referrals.AnswerAsync(http.Staff(), caseId, referralId, request, cancellationToken));

    private static async Task<Ok<IReadOnlyList<PermitResponse>>> ListPermitsAsync(
        string caseId, PermitService permits, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await permits.ListAsync(http.Staff(), caseId, cancellationToken));

    private static async Task<Ok<PermitResponse>> SetPermitAsync(
        string caseId, string kind, PermitRequest request, PermitService permits, HttpContext http, CancellationToken cancellationToken)
    {
        var permitKind = Enum.TryParse<PermitKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new RequestValidationException(nameof(kind), $"'{kind}' is not a permit kind; use one of {string.Join(", ", Enum.GetNames<PermitKind>())}.");
        return TypedResults.Ok(await permits.SetAsync(http.Staff(), caseId, permitKind, request, cancellationToken));
    }
}
