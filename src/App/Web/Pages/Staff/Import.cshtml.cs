using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Staff;

/// <summary><c>/kelola/staf/impor</c>: onboards an office from a CSV file, all lines or none, with an error per bad line.</summary>
internal sealed class ImportModel(StaffAdministration administration) : StaffPageModel
{
    /// <summary>The largest file accepted (50 lines fit easily).</summary>
    private const long MaxFileBytes = 256 * 1024;

    /// <summary>The form's name, also the prefix of its messages.</summary>
    public const string FormName = "Import";

    [BindProperty(Name = "Csv")]
    public IFormFile? Upload { get; set; }

    /// <summary>What is wrong with the file, line by line; nothing was stored.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 and <= MaxFileBytes })
        {
            Fail(FormName, L["StaffImport.NoFile"], StatusCodes.Status400BadRequest);
            return Page();
        }

        using var reader = new StreamReader(Upload.OpenReadStream());
        var csv = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            await administration.ImportAsync(Staff, csv, cancellationToken);
            return Redirect("/kelola/staf?saved=StaffImported");
        }
        catch (RequestValidationException invalid)
        {
            Errors = invalid.Errors;
            Fail(FormName, L["StaffImport.Errors"], StatusCodes.Status400BadRequest);
            return Page();
        }
    }
}
