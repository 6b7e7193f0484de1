using System.Text.Json;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;

namespace PepFunctions.App.Cases;

/// <summary>
/// Reads a JSON request body with the API's serializer options, turning a value that cannot be read into a
/// 400 that names its field (model binding would answer a bare 400).
/// </summary>
/// <remarks>
/// The body must be declared as JSON (415 otherwise). Every body is bounded before it is bound: at most <see cref="MaxBodyBytes"/> (413 beyond), every string at most
/// <see cref="MaxStringLength"/> characters and every list at most <see cref="MaxListItems"/> items (400 naming each
/// field that is over, all at once). The services' own rules come on top, with tighter limits where a field needs them.
/// </remarks>
internal static class JsonBody
{
    /// <summary>The largest JSON body the API reads (1 MiB); uploads have their own limit (<c>Files:MaxUploadBytes</c>).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The longest string any JSON field may hold.</summary>
    public const int MaxStringLength = 2_000;

    /// <summary>The most items any JSON list may hold.</summary>
    public const int MaxListItems = 100;

    /// <exception cref="PayloadTooLargeException">The body is over <see cref="MaxBodyBytes"/>.</exception>
    /// <exception cref="UnsupportedMediaTypeException">The body is not declared as JSON (<c>application/json</c>).</exception>
    /// <exception cref="RequestValidationException">No body, a body that cannot be read, a value of the wrong type or an unknown name, or a string or list over its limit.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        RequestBody.RequireJson(request, MaxBodyBytes);
        var body = await RequestBody.ReadAsync(request, "body", () => ReadBoundedAsync(request, cancellationToken));
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new RequestValidationException("body", "The body is not valid UTF-8 text.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var errors = new List<Domain.FieldError>();
            CheckLimits(document.RootElement, "", errors);
            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            return document.RootElement.Deserialize<T>(options)
                ?? throw new RequestValidationException("body", "A JSON body is required.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            throw new RequestValidationException(field, field == "body"
                ? "The body must be a JSON object."
                : "This value cannot be read: check its type (a number as a JSON number), and for a choice the allowed names.");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new PayloadTooLargeException(MaxBodyBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new PayloadTooLargeException(MaxBodyBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new RequestValidationException("body", "A JSON body is required.");
        }

        return buffer.ToArray();
    }

    private static void CheckLimits(JsonElement element, string path, List<Domain.FieldError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString()!.Length > MaxStringLength:
                errors.Add(new(Field(path), $"At most {MaxStringLength:N0} characters."));
                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > MaxListItems)
                {
                    errors.Add(new(Field(path), $"At most {MaxListItems} items."));
                    break;
                }

                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckLimits(item, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CheckLimits(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors);
                }

                break;
        }
    }

    private static string Field(string path) => path.Length == 0 ? "body" : path;
}
