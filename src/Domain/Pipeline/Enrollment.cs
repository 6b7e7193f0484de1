using System.Text;
using System.Text.RegularExpressions;

namespace PepFunctions.Domain;

/// <summary>What a Lapas records to enrol a person (a WBP, <i>warga binaan pemasyarakatan</i>) in the programme.</summary>
/// <param name="OfficeCode">The Lapas or Rutan enrolling the person.</param>
/// <param name="RegistrationNumber">The person's registration number at that office: ASCII letters and digits in groups separated by one '-', '.' or '/' (so never '..' or a leading '/'), at most 32 characters.</param>
/// <param name="FullName">The person's name. Sensitive: never in logs, ids, queue messages or URLs.</param>
/// <param name="Nik">The 16-digit national ID number (NIK), when known. Sensitive, like the name.</param>
/// <param name="ExpectedReleaseDate">When the person is expected to be released; required.</param>
/// <param name="Consent">The recorded consent; required.</param>
/// <remarks>
/// Nullable fields are nullable so an incomplete form can be represented and <see cref="Validate"/> can say
/// what is missing. <see cref="ToString"/> leaves out the name and NIK, so logging a record leaks neither.
/// </remarks>
public sealed partial record Enrollment(
    string OfficeCode,
    string RegistrationNumber,
    string FullName,
    string? Nik,
    DateOnly? ExpectedReleaseDate,
    Consent? Consent)
{
    /// <summary>Longest <see cref="RegistrationNumber"/> accepted.</summary>
    public const int MaxRegistrationNumberLength = 32;

    /// <summary>Longest <see cref="FullName"/> accepted.</summary>
    public const int MaxFullNameLength = 100;

    /// <summary>What is wrong with the enrolment, field by field; empty when it is valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Offices.Find(OfficeCode) is not { Kind: OfficeKind.Lapas or OfficeKind.Rutan })
        {
            errors.Add(new(nameof(OfficeCode), $"'{OfficeCode}' is not a known Lapas or Rutan."));
        }

        if (string.IsNullOrWhiteSpace(RegistrationNumber))
        {
            errors.Add(new(nameof(RegistrationNumber), "The registration number is required."));
        }
        else if (!RegistrationNumberPattern().IsMatch(RegistrationNumber))
        {
            errors.Add(new(nameof(RegistrationNumber), $"The registration number is letters and digits (A-Z, 0-9), in groups separated by one '-', '.' or '/', at most {MaxRegistrationNumberLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(FullName))
        {
            errors.Add(new(nameof(FullName), "The full name is required."));
        }
        else if (FullName.Length > MaxFullNameLength)
        {
            errors.Add(new(nameof(FullName), $"The full name must be at most {MaxFullNameLength} characters."));
        }

        if (Nik is not null && !NikPattern().IsMatch(Nik))
        {
            errors.Add(new(nameof(Nik), "The NIK must be exactly 16 digits, or left empty."));
        }

        if (ExpectedReleaseDate is null)
        {
            errors.Add(new(nameof(ExpectedReleaseDate), "The expected release date is required."));
        }

        errors.AddRange(ValidateConsent());
        return errors;
    }

    /// <summary>The record without the person's name and NIK, safe to log.</summary>
    public override string ToString() =>
        $"{nameof(Enrollment)} {{ {nameof(OfficeCode)} = {OfficeCode}, {nameof(RegistrationNumber)} = {RegistrationNumber}, {nameof(FullName)} = ***, {nameof(Nik)} = {(Nik is null ? "(none)" : "***")} }}";

    private IEnumerable<FieldError> ValidateConsent()
    {
        if (Consent is null)
        {
            yield return new(nameof(Consent), "Consent is required before enrolment.");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Consent.RecordedBy))
        {
            yield return new($"{nameof(Consent)}.{nameof(Consent.RecordedBy)}", "Say who recorded the consent.");
        }

        if (!Consent.Covers(ConsentPurpose.Programme))
        {
            yield return new($"{nameof(Consent)}.{nameof(Consent.Scope)}", "The consent must cover taking part in the programme.");
        }
    }

    [GeneratedRegex("^(?=.{1,32}$)[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*$")]
    private static partial Regex RegistrationNumberPattern();

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex NikPattern();
}
