using Microsoft.Extensions.Localization;

namespace PepFunctions.App.Web.Localization;

/// <summary>
/// Puts a service's English message (a <c>FieldError</c>, a conflict) into the page's language: the string
/// table's entry for the exact sentence, else the entry for its beginning (keys starting with <c>~</c>, for
/// messages that name values, e.g. <c>~Required; one of</c>), else the message as it is.
/// </summary>
internal static class ServiceMessages
{
    public static string Translate(string message, IStringLocalizer l)
    {
        var exact = l[message];
        if (!exact.ResourceNotFound)
        {
            return exact;
        }

        var prefix = StringTable.Keys
            .Where(key => key.StartsWith('~') && message.StartsWith(key[1..], StringComparison.Ordinal))
            .MaxBy(key => key.Length);
        return prefix is null ? message : l[prefix];
    }
}
