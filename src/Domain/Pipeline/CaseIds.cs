namespace PepFunctions.Domain;

/// <summary>Builds the durable instance id of a person's case.</summary>
/// <remarks>
/// The id is <c>case-{office}-{registration number}</c>, lower-case, with every character outside
/// <c>[a-z0-9-]</c> replaced by <c>-</c>: e.g. <c>case-lpp-kupang-wbp-2024-0012</c>. It is built only from the
/// office code and the registration number, never from the name or NIK, because instance ids appear in
/// logs, queue messages and URLs. The same inputs always give the same id, so enrolling twice finds the same case.
/// <para>
/// The mapping is not one-to-one: registration numbers compare without case (<c>wbp-1</c> is <c>WBP-1</c>), and the
/// separators '-', '.' and '/' all become '-', so <c>WBP/2025/77</c> and <c>WBP-2025-77</c> give the same id.
/// Ids stay readable and stable instead; the enrolment refuses the second of two such numbers with 409 naming the
/// registration number that holds the id (the record keeps the number as given), so no two people ever share a case.
/// </para>
/// </remarks>
public static class CaseIds
{
    /// <summary>The prefix of every case id.</summary>
    public const string Prefix = "case-";

    /// <summary>The case id for a person registered as <paramref name="registrationNumber"/> at <paramref name="officeCode"/>.</summary>
    public static string For(string officeCode, string registrationNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationNumber);
        return Prefix + Sanitise(officeCode) + "-" + Sanitise(registrationNumber);
    }

    /// <summary>The case id for <paramref name="enrollment"/>.</summary>
    public static string For(Enrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        return For(enrollment.OfficeCode, enrollment.RegistrationNumber);
    }

    private static string Sanitise(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.ToLowerInvariant(source[i]);
                span[i] = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? c : '-';
            }
        });
}
