using Microsoft.AspNetCore.Http.HttpResults;

namespace PepFunctions.App.Http;

/// <summary>Collects what is wrong with a request, field by field, for a 400 ValidationProblem.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was found wrong.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>A ValidationProblem for a single field, from an <see cref="ArgumentException"/> naming it.</summary>
    public static ValidationProblem For(string field, ArgumentException exception) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [MessageOf(exception)] });

    /// <summary>A ValidationProblem from domain field errors (field names as the domain gives them).</summary>
    public static ValidationProblem Problem(params (string Field, string Message)[] errors)
    {
        var collected = new ValidationErrors();
        foreach (var (field, message) in errors)
        {
            collected.Add(field, message);
        }

        return collected.ToProblem();
    }

    /// <summary>A ValidationProblem from domain field errors.</summary>
    public static ValidationProblem Problem(IEnumerable<Domain.FieldError> errors) =>
        Problem([.. errors.Select(e => (JsonName(e.Field), e.Message))]);

    /// <summary>The JSON (camelCase) spelling of a domain field path such as <c>Consent.Scope</c>.</summary>
    public static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>Records that <paramref name="field"/> is wrong.</summary>
    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];

    /// <summary>The 400 response listing every error.</summary>
    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(_errors);

    // ArgumentException.Message ends in " (Parameter 'x')"; the field is already the key.
    private static string MessageOf(ArgumentException exception)
    {
        var suffix = $" (Parameter '{exception.ParamName}')";
        return exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
    }
}
