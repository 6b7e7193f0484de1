using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>A change of consent: one purpose added or withdrawn.</summary>
/// <param name="Purpose">The purpose.</param>
/// <param name="Withdraw">True to withdraw it, false to add it.</param>
public sealed record ConsentChangeRequest(ConsentPurpose? Purpose, bool? Withdraw);

/// <summary>A correction of the person's identifying fields; the fields left null stay as they are.</summary>
public sealed record CorrectionRequest(string? FullName, string? Nik, string? RegistrationNumber);

/// <summary>The consent after a change, and whether the change withdrew the person from the programme.</summary>
public sealed record ConsentChangeResponse(string CaseId, Consent Consent, bool Withdrawn);

/// <summary>Which fields a correction changed (the values are only in the administrators' audit trail).</summary>
public sealed record CorrectionResponse(string CaseId, IReadOnlyList<string> Corrected);

public sealed partial class CaseService
{
    // Consent and corrections are the office's officers' (the roles that may withdraw a case: Lapas and Bapas officers,
    // administrators), at the office that holds the case.

    /// <summary>
    /// Records a change of consent (adding or withdrawing one purpose) with the signed-in staff member and the server's time;
    /// withdrawing <see cref="ConsentPurpose.Programme"/> withdraws the case (reason <see cref="WithdrawalReason.ConsentWithdrawn"/>).
    /// </summary>
    public async Task<ConsentChangeResponse> ChangeConsentAsync(
        StaffMember staff, string caseId, ConsentChangeRequest request, string actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Purpose is not { } purpose || !Enum.IsDefined(purpose))
        {
            throw new RequestValidationException("purpose", $"Name the purpose: one of {string.Join(", ", Enum.GetNames<ConsentPurpose>())}.");
        }

        var withdraw = request.Withdraw ?? false;
        await RequireAllowedAsync(staff, PipelineAction.Withdraw, caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var saved = await cases.UpdateAsync(caseId, record =>
        {
            var current = RecordJson.Deserialize<Consent>(record.ConsentJson);
            var scope = (current?.Scope ?? []).ToList();
            if (withdraw ? !scope.Remove(purpose) : scope.Contains(purpose))
            {
                return false;
            }

            if (!withdraw)
            {
                scope.Add(purpose);
            }

            record.ConsentJson = RecordJson.Serialize(new Consent(staff.Username, now, scope));
            return true;
        }, cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' was not found.");

        await timeline.AppendAsync(caseId, now, staff.Username, TimelineAction.ConsentChanged,
            new TimelineDetail($"{(withdraw ? "Withdrawn" : "Given")}: {purpose}", new Dictionary<string, string>
            {
                ["purpose"] = purpose.ToString(), ["change"] = withdraw ? "Withdrawn" : "Given",
            }), key: "consent|" + actionKey, cancellationToken);
        var withdrawn = false;
        if (withdraw && purpose == ConsentPurpose.Programme && !saved.IsClosed)
        {
            if (saved.WithdrawalReason is null || saved.WithdrawalKey == actionKey)
            {
                await WithdrawAsync(staff, caseId, new WithdrawalRequest(WithdrawalReason.ConsentWithdrawn, null), actionKey, client, cancellationToken);
            }

            withdrawn = true;
        }

        logger.LogInformation("Consent of case {CaseId}: {Purpose} {Change} by {Username}", caseId, purpose, withdraw ? "withdrawn" : "given", staff.Username);
        return new ConsentChangeResponse(caseId, RecordJson.Deserialize<Consent>(saved.ConsentJson)!, withdrawn);
    }

    /// <summary>
    /// Corrects the person's name, NIK or registration number. The timeline says which fields changed; the old and new
    /// values go only to <see cref="PersonalDataAudit"/>, which administrators read. The case id stays as it is.
    /// </summary>
    public async Task<CorrectionResponse> CorrectAsync(
        StaffMember staff, string caseId, CorrectionRequest request, string actionKey, PersonalDataAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audit);
        var found = await RequireAllowedAsync(staff, PipelineAction.Withdraw, caseId, cancellationToken);
        var wanted = new Enrollment(found.LapasCode, request.RegistrationNumber?.Trim() ?? found.RegistrationNumber, request.FullName?.Trim() ?? found.FullName,
            request.Nik is null ? found.Nik : request.Nik.Trim() is { Length: > 0 } nik ? nik : null, DateOnly.MinValue, null);
        var errors = wanted.Validate().Where(e => e.Field is nameof(Enrollment.FullName) or nameof(Enrollment.Nik) or nameof(Enrollment.RegistrationNumber)).ToList();
        ThrowIfAny(errors);

        var now = clock.GetUtcNow();
        var changes = new List<(string Field, string? Old, string? New)>();
        await cases.UpdateAsync(caseId, record =>
        {
            changes.Clear();
            // Checked again on the record the write replaces (its ETag): an erasure requested since the read above wins.
            if (record.IsErasing)
            {
                throw new NotFoundException($"Case '{caseId}' was not found.");
            }

            if (record.FullName != wanted.FullName)
            {
                changes.Add((nameof(CaseEntity.FullName), record.FullName, wanted.FullName));
                record.FullName = wanted.FullName;
            }

            if (record.Nik != wanted.Nik)
            {
                changes.Add((nameof(CaseEntity.Nik), record.Nik, wanted.Nik));
                record.Nik = wanted.Nik;
            }

            if (record.RegistrationNumber != wanted.RegistrationNumber)
            {
                changes.Add((nameof(CaseEntity.RegistrationNumber), record.RegistrationNumber, wanted.RegistrationNumber));
                record.RegistrationNumber = wanted.RegistrationNumber;
            }

            return changes.Count > 0;
        }, cancellationToken);

        foreach (var (field, old, value) in changes)
        {
            await audit.WriteAsync(caseId, field, old, value, staff.Username, now, actionKey, cancellationToken);
        }

        if (changes.Count > 0)
        {
            var fields = string.Join(",", changes.Select(c => c.Field));
            await timeline.AppendAsync(caseId, now, staff.Username, TimelineAction.Corrected,
                new TimelineDetail($"Corrected: {fields}", new Dictionary<string, string> { ["fields"] = fields }), key: "correction|" + actionKey, cancellationToken);
            logger.LogInformation("Case {CaseId}: {Fields} corrected by {Username}", caseId, fields, staff.Username);
        }

        return new CorrectionResponse(caseId, [.. changes.Select(c => c.Field)]);
    }
}
