using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>
/// The staff directory over HTTP, for administrators and Kanwil coordinators (<see cref="StaffAdministrationPolicy"/>):
/// list, add, read, replace, the audit of a record, and onboarding an office from a CSV file. Every write is an action
/// (<see cref="StaffActions"/>): once per idempotency key, answered as the first time on a retry.
/// </summary>
public sealed class StaffFunctions(StaffApi api, StaffActions actions, StaffAdministration administration, StaffDirectory directory)
{
    /// <summary>The scope the actions' keys are remembered in (<c>{hub}Actions</c> partition).</summary>
    private const string ActionScope = "staff";

    /// <summary>The records the caller manages; filters <c>office</c>, <c>role</c> (a <see cref="StaffRole"/> name) and <c>active</c>.</summary>
    [Function("ListStaff")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var errors = new List<FieldError>();
            StaffRole? role = request.Query["role"].ToString() is { Length: > 0 } roleText
                ? Enum.TryParse<StaffRole>(roleText, out var parsed) && Enum.IsDefined(parsed) ? parsed : Invalid<StaffRole>(errors, "role", $"The role is one of {string.Join(", ", Enum.GetNames<StaffRole>())}.")
                : null;
            bool? active = request.Query["active"].ToString() is { Length: > 0 } activeText
                ? bool.TryParse(activeText, out var flag) ? flag : Invalid<bool>(errors, "active", "active is true or false.")
                : null;
            var office = request.Query["office"].ToString() is { Length: > 0 } officeText ? officeText : null;
            if (office is not null && Offices.Find(office) is null)
            {
                errors.Add(new FieldError("office", $"'{office}' is not a known office."));
            }

            return errors.Count > 0
                ? ValidationErrors.Problem(errors)
                : TypedResults.Ok(await administration.ListAsync(staff, office, role, active, cancellationToken));
        });

    /// <summary>Adds a staff member: 201 with the record; 400 naming each bad field, 403, 409 when the username is taken.</summary>
    [Function("AddStaff")]
    public Task<IActionResult> AddAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff")] HttpRequest request) =>
        actions.With<StaffRequest>(request).RunOnceAsync(ActionScope,
            (staff, body, _, cancellationToken) => administration.AddAsync(staff, body, cancellationToken),
            added => TypedResults.Created($"/api/staff/{Uri.EscapeDataString(added.Username)}", added));

    /// <summary>One staff record.</summary>
    [Function("GetStaff")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/{username}")] HttpRequest request, string username) =>
        api.RunAsync(request, async (staff, cancellationToken) => TypedResults.Ok(await administration.GetAsync(staff, username, cancellationToken)));

    /// <summary>
    /// Replaces a staff record (the whole record; <c>active: false</c> deactivates, and for a mentor of open cases needs
    /// <c>successor</c>). The change applies from the member's next request.
    /// </summary>
    [Function("ReplaceStaff")]
    public Task<IActionResult> ReplaceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/staff/{username}")] HttpRequest request, string username) =>
        actions.With<StaffRequest>(request).RunOnceAsync(ActionScope,
            (staff, body, _, cancellationToken) => administration.ReplaceAsync(staff, username, body, cancellationToken),
            changed => TypedResults.Ok(changed));

    /// <summary>
    /// Undoes a member's Entra sign-in binding (administrators; audited as a change of the record): their next platform
    /// sign-in binds again. For a sign-in name reassigned to someone else, or an account recreated in Entra ID.
    /// </summary>
    [Function("UnbindStaff")]
    public Task<IActionResult> UnbindAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/staff/{username}/binding")] HttpRequest request, string username) =>
        api.RunAsync(request, async (staff, cancellationToken) => TypedResults.Ok(await directory.UnbindAsync(staff, username, cancellationToken)));

    /// <summary>Who changed a staff record when, before and after, newest first (administrators).</summary>
    [Function("GetStaffChanges")]
    public Task<IActionResult> ChangesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/{username}/changes")] HttpRequest request, string username) =>
        api.RunAsync(request, async (staff, cancellationToken) => TypedResults.Ok(await administration.ChangesAsync(staff, username, cancellationToken)));

    /// <summary>Onboards an office: <c>{"csv": "..."}</c> (see <see cref="StaffAdministration.ImportColumns"/>); all rows stored, or none and an error per bad row.</summary>
    [Function("ImportStaff")]
    public Task<IActionResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff-import")] HttpRequest request) =>
        actions.With<StaffImportRequest>(request).RunOnceAsync(ActionScope,
            (staff, body, _, cancellationToken) => administration.ImportAsync(staff, body.Csv ?? "", cancellationToken),
            added => TypedResults.Ok(added));

    private static T? Invalid<T>(List<FieldError> errors, string field, string message) where T : struct
    {
        errors.Add(new FieldError(field, message));
        return null;
    }

    /// <summary>The onboarding file's text.</summary>
    public sealed record StaffImportRequest(string? Csv);
}
