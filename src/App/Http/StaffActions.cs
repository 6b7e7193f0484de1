using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.Domain;

namespace PepFunctions.App.Http;

/// <summary>
/// A staff action over HTTP, as every action function runs it: signed in (<see cref="StaffApi"/>), its idempotency key
/// (<see cref="IdempotencyKeys"/>), its JSON body (<see cref="JsonBody"/>), then the action once per key (<see cref="ActionLog"/>):
/// the same action sent again gets the first answer.
/// </summary>
/// <example><c>actions.With&lt;ReleaseRequest&gt;(request).RunOnceAsync(caseId, (staff, body, key, ct) =&gt; ..., result =&gt; TypedResults.Accepted(...))</c></example>
public sealed class StaffActions(StaffApi api, ActionLog log)
{
    /// <summary>The action of <paramref name="request"/>, whose JSON body is a <typeparamref name="TBody"/>.</summary>
    public StaffAction<TBody> With<TBody>(HttpRequest request) where TBody : class => new(api, log, request);
}

/// <summary>One staff action with a JSON body of <typeparamref name="TBody"/> (<see cref="StaffActions.With{TBody}"/>).</summary>
public sealed class StaffAction<TBody>(StaffApi api, ActionLog log, HttpRequest request) where TBody : class
{
    /// <summary>Runs <paramref name="action"/> once per key within <paramref name="scope"/> and answers with <paramref name="answer"/>.</summary>
    /// <param name="scope">Where keys are remembered: the case or batch the action is about (a table partition); an id that
    /// cannot name one (a character table keys refuse) answers 404.</param>
    /// <param name="action">The service call, given the staff member, the body and the action's key.</param>
    /// <param name="answer">The HTTP answer to the action's result (the first result, on a retry).</param>
    public Task<IActionResult> RunOnceAsync<TResult>(
        string scope, Func<StaffMember, TBody, string, CancellationToken, Task<TResult>> action, Func<TResult, IResult> answer)
        => api.RunAsync(request, async (staff, cancellationToken) =>
        {
            // The body's type and size before anything reads it (415, 413); then the key: without a header it is a hash of
            // the body, which it reads with buffering, so a body that cannot be read is answered there (400).
            RequestBody.RequireJson(request, JsonBody.MaxBodyBytes);
            var key = await RequestBody.ReadAsync(request, "body", () => IdempotencyKeys.ForAsync(request, staff, cancellationToken));
            var body = await JsonBody.ReadAsync<TBody>(request, cancellationToken);
            return answer(await log.RunOnceAsync(CaseOffices.ActionScope(scope), key, () => action(staff, body, key, cancellationToken), cancellationToken));
        });
}
