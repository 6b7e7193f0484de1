using PepFunctions.Domain;

namespace PepFunctions.App.Privacy;

/// <summary>Personal data settings (configuration section <c>Privacy</c>), checked on start.</summary>
public sealed class PrivacyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Privacy";

    /// <summary>
    /// The secret case ids are derived with (<see cref="CaseIdGenerator"/>): at least 32 characters. Required: the app
    /// refuses to start without it. Local runs take the development key of <c>local.settings.sample.json</c>; Azure takes
    /// the <c>caseIdKey</c> parameter of <c>infra/main.bicep</c>. Changing it changes every new case id, so it is set once.
    /// </summary>
    public string CaseIdKey { get; set; } = "";

    /// <summary>How long a case keeps the person's data after its record last changed (a closed case: after it closed; any stage, a terminated or failed pipeline's too) before the retention sweep erases it; five years by default.</summary>
    public TimeSpan RetentionAfterClose { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>How long an idempotency record (table <c>Actions</c>) is kept; 30 days by default.</summary>
    public TimeSpan ActionRecordTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the audit of reads (<c>ReadAudit</c>) and of corrections (<c>PersonalDataAudit</c>) is kept, erased people's pseudonymised rows too; five years by default.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>
    /// How long after an erasure is requested its work starts (the case is fenced at once): longer than any request may run (the
    /// front end ends a request after 230 seconds), so a view or correction that passed the fence just before has ended. Four minutes by default.
    /// </summary>
    public TimeSpan ErasureSettle { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>The problems with these settings, as <c>Privacy:Field: message</c>; empty when they are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(CaseIdKey) || CaseIdKey.Length < CaseIdGenerator.MinKeyLength)
        {
            errors.Add($"{SectionName}:{nameof(CaseIdKey)}: a secret of at least {CaseIdGenerator.MinKeyLength} characters is required (case ids are derived with it).");
        }

        if (RetentionAfterClose <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(RetentionAfterClose)}: must be positive.");
        }

        if (AuditRetention <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(AuditRetention)}: must be positive.");
        }

        if (ErasureSettle < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(ErasureSettle)}: must not be negative.");
        }

        if (ActionRecordTtl <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(ActionRecordTtl)}: must be positive.");
        }

        return errors;
    }
}
