using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PepFunctions.App.Web;

/// <summary>
/// Marks a field that failed for screen readers and for the keyboard: <c>aria-invalid</c>, <c>aria-describedby</c> pointing at
/// its message (<see cref="FieldMessageTagHelper"/>), and <c>autofocus</c> on the first failed field of the page, so the browser
/// puts the cursor there without any script. A field of a group without an id (checkboxes, radio buttons) gets its name as id,
/// so the error summary's link (<c>_FormMessage</c>) reaches it.
/// </summary>
/// <remarks>Runs after the MVC tag helpers (<see cref="Order"/>), which have written the field's name and id by then.</remarks>
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string FocusedKey = "pep.autofocused";

    private const string NamedKey = "pep.named.";

    /// <summary>The page being rendered, for its model state.</summary>
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc/>
    public override int Order => 1000;

    /// <inheritdoc/>
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes["name"]?.Value?.ToString() is not { Length: > 0 } name
            || output.Attributes["type"]?.Value?.ToString() is "hidden" or "submit"
            || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.ValidationState != ModelValidationState.Invalid)
        {
            return;
        }

        var id = FieldErrors.IdOf(name);
        var items = ViewContext.HttpContext.Items;
        if (output.Attributes["id"] is null && items.TryAdd(NamedKey + name, true))
        {
            output.Attributes.SetAttribute("id", id);
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", id + "-error");
        if (items.TryAdd(FocusedKey, true))
        {
            output.Attributes.SetAttribute("autofocus", "autofocus");
        }
    }
}

/// <summary>Gives a field's validation message the id its field's <c>aria-describedby</c> names (<see cref="FieldErrorTagHelper"/>).</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldMessageTagHelper : TagHelper
{
    /// <inheritdoc/>
    public override int Order => 1000;

    /// <inheritdoc/>
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes["data-valmsg-for"]?.Value?.ToString() is { Length: > 0 } name && output.Attributes["id"] is null)
        {
            output.Attributes.SetAttribute("id", FieldErrors.IdOf(name) + "-error");
        }
    }
}

/// <summary>The ids the error summary links to and the fields' messages carry.</summary>
public static class FieldErrors
{
    /// <summary>The element id of the field named <paramref name="name"/>, as the MVC tag helpers make it (<c>Enrol.FullName</c> → <c>Enrol_FullName</c>).</summary>
    public static string IdOf(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>The failed fields of <paramref name="form"/> and their messages, in the order they were found.</summary>
    public static IReadOnlyList<(string Id, string Message)> Of(ModelStateDictionary modelState, string form)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return [.. modelState
            .Where(pair => pair.Key.StartsWith(form + ".", StringComparison.Ordinal) && pair.Value is { Errors.Count: > 0 })
            .SelectMany(pair => pair.Value!.Errors.Select(error => (IdOf(pair.Key), error.ErrorMessage)))];
    }
}
