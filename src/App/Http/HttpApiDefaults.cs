using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PepFunctions.App.Http;

/// <summary>What every API of the app shares: JSON, ProblemDetails for errors, and <see cref="StaffApi"/>.</summary>
internal static class HttpApiDefaults
{
    /// <summary>
    /// Adds ProblemDetails, strict JSON (enums by name only, numbers as numbers), MVC's core services (which execute the functions' <c>IActionResult</c>s
    /// under ASP.NET Core integration; Razor Pages adds them too, so adding them here is harmless) and <see cref="StaffApi"/>.
    /// The OpenAPI document is served by <see cref="OpenApiFunctions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddHttpApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(static o =>
        {
            // Strict input: a choice by its name only ({"reason":3} is refused), a number as a JSON number only.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddMvcCore();
        builder.Services.TryAddSingleton<StaffApi>();
        builder.Services.TryAddSingleton<ActionLog>();
        builder.Services.TryAddSingleton<StaffActions>();
        return builder;
    }
}
