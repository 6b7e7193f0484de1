using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// One page of <c>GET /api/cases</c>: at most <c>pageSize</c> cases (100 when omitted, at most 1,000), and, when more follow, an
/// opaque continuation token the caller sends back as <c>continuationToken</c> — in the <c>x-ms-continuation</c> response header, as
/// Azure Cosmos DB hands out its continuations, so the body stays the list it always was.
/// </summary>
/// <remarks>
/// The token is the sort key (office, registration number, case id) of the last case returned, encrypted and signed with the
/// app's data-protection key ring (the one every instance shares): a registration number identifies a person, and the token
/// travels in URLs and logs, so it is opaque to whoever reads it and cannot be forged. The next page starts after that key,
/// so cases added or removed meanwhile neither repeat nor shift the pages.
/// </remarks>
internal static class CaseListPage
{
    /// <summary>The response header that carries the continuation.</summary>
    public const string ContinuationHeader = "x-ms-continuation";

    private const int DefaultSize = 100;

    private const int MaxSize = 1000;

    /// <summary>The page after <paramref name="continuationToken"/> of <paramref name="ordered"/> (ordered by office, registration number, case id).</summary>
    /// <exception cref="RequestValidationException">A page size that is not 1 to 1,000, or a token this API did not give.</exception>
    public static (IReadOnlyList<CaseSummaryResponse> Items, string? ContinuationToken) Take(
        IReadOnlyList<CaseSummaryResponse> ordered, string? pageSize, string? continuationToken, IDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var errors = new List<FieldError>();
        var size = DefaultSize;
        if (pageSize is { Length: > 0 } && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxSize))
        {
            errors.Add(new("pageSize", $"The page size is a whole number from 1 to {MaxSize}."));
        }

        var after = continuationToken is { Length: > 0 } ? Decode(protector, continuationToken) : null;
        if (continuationToken is { Length: > 0 } && after is null)
        {
            errors.Add(new("continuationToken", "The continuation token is not one this list gave; start again without it."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var rest = after is null ? ordered : [.. ordered.Where(c => Compare(Key(c), after.Value) > 0)];
        var items = rest.Take(size).ToList();
        return (items, rest.Count > size ? Encode(protector, Key(items[^1])) : null);
    }

    /// <summary>The order of the list and of the pages.</summary>
    public static IEnumerable<CaseSummaryResponse> Order(IEnumerable<CaseSummaryResponse> cases) =>
        cases.OrderBy(c => c.OfficeCode, StringComparer.Ordinal).ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal);

    private static (string Office, string Registration, string CaseId) Key(CaseSummaryResponse c) => (c.OfficeCode, c.RegistrationNumber, c.CaseId);

    private static int Compare((string, string, string) a, (string, string, string) b)
    {
        var office = string.CompareOrdinal(a.Item1, b.Item1);
        if (office != 0)
        {
            return office;
        }

        var registration = string.CompareOrdinal(a.Item2, b.Item2);
        return registration != 0 ? registration : string.CompareOrdinal(a.Item3, b.Item3);
    }

    /// <summary>The purpose the tokens are protected for: a token of another purpose does not open.</summary>
    public const string ProtectorPurpose = "PepFunctions.CaseList.Continuation.v1";

    // IDataProtector.Protect(string) gives base64url text, safe in a query string and a header.
    private static string Encode(IDataProtector protector, (string Office, string Registration, string CaseId) key) =>
        protector.Protect($"{key.Office}\n{key.Registration}\n{key.CaseId}");

    private static (string, string, string)? Decode(IDataProtector protector, string token)
    {
        try
        {
            var parts = protector.Unprotect(token).Split('\n');
            return parts is [var office, var registration, var caseId] ? (office, registration, caseId) : null;
        }
        catch (CryptographicException)
        {
            // Not a token this list gave (or one made with a key the ring no longer has): the caller starts again.
            return null;
        }
    }
}
