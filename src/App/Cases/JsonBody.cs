using System.Text.Json;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;

namespace PepFunctions.App.Cases;

/// <summary>
/// Reads a JSON request body with the API's serializer options, turning a value that cannot be read into a
/// 400 that names its field (model binding would answer a bare 400).
/// </summary>
internal static class JsonBody
{
    /// <exception cref="RequestValidationException">No body, or a value of the wrong type or an unknown name.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken)
                ?? throw new RequestValidationException("body", "A JSON body is required.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            throw new RequestValidationException(field, field == "body"
                ? "The body must be a JSON object."
                : "This value cannot be read: check its type, and for a choice the allowed names.");
        }
    }
}
