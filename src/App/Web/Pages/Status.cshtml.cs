using Microsoft.AspNetCore.Mvc;

namespace PepFunctions.App.Web.Pages;

/// <summary>
/// <c>/status/{code}</c>: what a 400, 403, 404 or 409 means, in the page's language. The status code pages
/// middleware re-executes here, keeping the original status.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : StaffPageModel
{
    private static readonly int[] Known = [400, 403, 404, 409];

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // A rejected POST (no antiforgery token) re-executes with its own method.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var key = Known.Contains(code) ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Other";
        Title = L[$"Status.{key}.Title"];
        Text = L[$"Status.{key}.Text"];
    }
}
