using System.Text.Json.Serialization;

namespace PepFunctions.App.Http;

/// <summary>What every API of the app shares: JSON, ProblemDetails for errors, and the OpenAPI document.</summary>
internal static class HttpApiDefaults
{
    /// <summary>Adds ProblemDetails, enums as strings in JSON, and OpenAPI.</summary>
    public static WebApplicationBuilder AddHttpApiDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(static o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>Turns unhandled exceptions and empty error responses into ProblemDetails; serves <c>/openapi/v1.json</c>.</summary>
    public static WebApplication UseHttpApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        return app;
    }
}
