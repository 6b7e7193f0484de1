using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.App.Web.Localization;
using PepFunctions.Domain;

namespace PepFunctions.App.Web;

/// <summary>
/// What every signed-in page shares: the staff member, the string table, the orchestration client, and how a form
/// calls a service.
/// </summary>
internal abstract class StaffPageModel : PageModel
{
    private IStringLocalizer? _l;

    /// <summary>The signed-in staff member (the pages' folder requires the staff policy).</summary>
    internal StaffMember Staff => HttpContext.Staff();

    /// <summary>The page texts in the request's language.</summary>
    internal IStringLocalizer L => _l ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();

    /// <summary>
    /// The orchestration client, for the services that start or signal a case's pipeline or read its status. The page's
    /// function binds it (<c>[DurableClient]</c>) and passes it to <see cref="StaffPages.RunAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The page's function bound none.</exception>
    internal DurableTaskClient Pipelines => StaffPages.ClientOf(HttpContext);

    /// <summary>A message about the whole form (a conflict, a refusal), shown above it.</summary>
    public string? FormMessage { get; private set; }

    /// <summary>Which form on the page the message and field errors belong to.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>
    /// Whether the service refused the form (403). The message then shows at the top of the page, not in the form:
    /// the form may not be on the page at all for this staff member (posted from a stale page or by hand).
    /// </summary>
    public bool Refused { get; private set; }

    /// <summary>A confirmation after a successful post-redirect-get (<c>?saved=...</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "saved")]
    public string? Saved { get; set; }

    /// <summary>
    /// Runs a service call for the form <paramref name="form"/> (also the prefix of its fields). A validation
    /// error puts each field's message next to the field; a conflict or a refusal becomes the form's message
    /// and the response's status (409, 403). Returns whether the call succeeded; the service stored nothing when not.
    /// </summary>
    /// <param name="form">The form's name, which is also the prefix of its fields (<c>Enrol.FullName</c>).</param>
    /// <param name="call">The service call.</param>
    /// <param name="fieldAliases">Service field names (any case) shown at another field of the form, e.g. <c>Consent.Scope</c> at <c>Consent</c>.</param>
    private protected async Task<bool> TrySubmitAsync(string form, Func<Task> call, IReadOnlyDictionary<string, string>? fieldAliases = null)
    {
        try
        {
            await call();
            return true;
        }
        catch (RequestValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                var field = FieldNames.ToForm(error.Field, fieldAliases);
                ModelState.AddModelError($"{form}.{field}", ServiceMessages.Translate(error.Message, L));
            }

            Fail(form, L["Form.HasErrors"], StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            Fail(form, ServiceMessages.Translate(conflict.Message, L), StatusCodes.Status409Conflict);
        }
        catch (ForbiddenException)
        {
            Fail(form, L["Status.403.Text"], StatusCodes.Status403Forbidden);
            Refused = true;
        }

        return false;
    }

    /// <summary>Marks <paramref name="form"/> as failed before calling any service (e.g. a field the page checks itself).</summary>
    private protected void Fail(string form, string message, int status = StatusCodes.Status400BadRequest)
    {
        FailedForm = form;
        FormMessage = message;
        Response.StatusCode = status;
    }
}
