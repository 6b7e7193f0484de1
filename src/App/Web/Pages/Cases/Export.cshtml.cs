using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Privacy;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary><c>/kasus/{caseId}/ekspor</c>: everything held about the person, printable, in the page's language; audited like the API's export.</summary>
internal sealed class ExportModel(CaseExport export, TimeProvider clock) : StaffPageModel
{
    [FromRoute]
    public string CaseId { get; set; } = "";

    public CaseExportDocument Document { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Document = await export.ExportAsync(Staff, CaseId, clock.GetUtcNow(), cancellationToken);

    /// <summary>A column's value as text.</summary>
    public static string Show(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
