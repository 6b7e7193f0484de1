using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>Checks the case API's requests field by field and turns them into domain values.</summary>
/// <remarks>Every method throws <see cref="RequestValidationException"/> listing all that is wrong, before anything is stored.</remarks>
internal static class CaseRequestRules
{
    private const int MaxTextLength = 2000;

    public static Assessment ToAssessment(AssessmentRequest request)
    {
        var errors = new List<FieldError>();
        if (request.Interests is null)
        {
            errors.Add(new("interests", "List the tracks the person wants to learn (an empty list when none)."));
        }

        AllDefined(request.Interests, "interests", errors);
        AllDefined(request.PriorSkills, "priorSkills", errors);
        Required(request.Education, "education", errors);
        if (request.CanReadWrite is null)
        {
            errors.Add(new("canReadWrite", "Say whether the person reads and writes well enough for labels and a cash book."));
        }

        Required(request.PreferredBusiness, "preferredBusiness", errors);
        ShortText(request.PriorWork, "priorWork", errors);
        ShortText(request.HealthConstraint, "healthConstraint", errors);
        ShortText(request.FamilyConstraint, "familyConstraint", errors);
        ThrowIfAny(errors);
        return new Assessment(
            request.Interests!, request.PriorSkills ?? [], Blank(request.PriorWork), request.Education!.Value, request.CanReadWrite!.Value,
            Blank(request.HealthConstraint), Blank(request.FamilyConstraint), request.PreferredBusiness!.Value);
    }

    public static ReleaseRecord ToReleaseRecord(ReleaseRequest request, DateOnly today)
    {
        var errors = new List<FieldError>();
        Required(request.Kind, "kind", errors);
        if (request.Date is not { } date)
        {
            errors.Add(new("date", "The release date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "A release is recorded on or after the day it happens, not before."));
        }

        ThrowIfAny(errors);
        var release = new ReleaseRecord(request.Date!.Value, request.Kind!.Value, request.SentenceEnd);
        ThrowIfAny([.. release.Validate().Select(e => e with { Field = ValidationErrors.JsonName(e.Field) })]);
        return release;
    }

    public static FollowUpVisit ToVisit(FollowUpRequest request, int sequence, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (sequence < 1)
        {
            errors.Add(new("seq", "Follow-ups are numbered from 1."));
        }

        if (request.Date is null)
        {
            errors.Add(new("date", "The day of the visit or call is required."));
        }

        Required(request.Mode, "mode", errors);
        Required(request.BusinessStatus, "businessStatus", errors);
        Required(request.IncomeBand, "incomeBand", errors);
        ThrowIfAny(errors);
        var visit = new FollowUpVisit(request.Date!.Value, request.Mode!.Value, request.BusinessStatus!.Value, request.IncomeBand!.Value, Blank(request.Needs), Blank(request.Notes));
        ThrowIfAny([.. visit.Validate(today).Select(e => e with { Field = ValidationErrors.JsonName(e.Field) })]);
        return visit;
    }

    public static WithdrawalReason ToWithdrawalReason(WithdrawalRequest request)
    {
        var errors = new List<FieldError>();
        Required(request.Reason, "reason", errors);
        if (request.Note?.Length > MaxTextLength)
        {
            errors.Add(new("note", $"The note must be at most {MaxTextLength} characters."));
        }

        ThrowIfAny(errors);
        return request.Reason!.Value;
    }

    public static Office ToOffice(string? officeCode, string field) =>
        string.IsNullOrWhiteSpace(officeCode) ? throw new RequestValidationException(field, "The office code is required.")
        : Offices.Find(officeCode.Trim()) ?? throw new RequestValidationException(field, $"'{officeCode}' is not a known office.");

    /// <summary>A case goes to a Lapas or Rutan before release and to a Bapas after it, and never to where it is.</summary>
    public static void CheckTransferTarget(string currentOffice, Office target, bool released)
    {
        if (string.Equals(currentOffice, target.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("officeCode", $"The case is at {target.Code} already.");
        }

        if (released ? target.Kind != OfficeKind.Bapas : target.Kind is not (OfficeKind.Lapas or OfficeKind.Rutan))
        {
            throw new RequestValidationException("officeCode", released
                ? $"The person has been released: the case can move only to another Bapas, and {target.Code} is a {target.Kind}."
                : $"The person has not been released: the case can move only to another Lapas or Rutan, and {target.Code} is a {target.Kind}.");
        }
    }

    /// <summary>A mentor, when given, must be a Bapas officer or Pokmas Lipas mentor of <paramref name="bapasCode"/>.</summary>
    public static async Task CheckMentorAsync(StaffDirectory directory, string? mentor, string bapasCode, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(mentor))
        {
            return;
        }

        if (await directory.FindAsync(mentor.Trim(), cancellationToken) is not { Role: StaffRole.BapasOfficer or StaffRole.PokmasMentor } staff
            || !string.Equals(staff.OfficeCode, bapasCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException(field, $"'{mentor}' is not a Bapas officer or Pokmas Lipas mentor of {bapasCode}.");
        }
    }

    private static void Required<T>(T? value, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (value is not { } given)
        {
            errors.Add(new(field, $"Required; one of {string.Join(", ", Enum.GetNames<T>())}."));
        }
        else if (!Enum.IsDefined(given))
        {
            errors.Add(new(field, $"'{given}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
        }
    }

    private static void AllDefined<T>(IReadOnlyList<T>? values, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (values?.Any(v => !Enum.IsDefined(v)) == true)
        {
            errors.Add(new(field, $"Use only {string.Join(", ", Enum.GetNames<T>())}."));
        }
    }

    private static void ShortText(string? value, string field, List<FieldError> errors)
    {
        if (value?.Length > MaxTextLength)
        {
            errors.Add(new(field, $"At most {MaxTextLength} characters."));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
