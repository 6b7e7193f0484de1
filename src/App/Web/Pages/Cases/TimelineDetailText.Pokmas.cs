using Microsoft.Extensions.Localization;
using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

// A Pokmas Lipas activity the person took part in.
internal static partial class TimelineDetailText
{
    private static string? TryRenderPokmas(IStringLocalizer l, string action, Values values) =>
        action == nameof(TimelineAction.PokmasActivity)
            && values.Enum<PokmasActivityKind>(TimelineParameters.PokmasActivityKind) is { } kind
            && values.Day(TimelineParameters.Date) is { } date
            ? l["TimelineDetail.PokmasActivity", l.Of(kind), Names.Date(date)].Value
            : null;
}
