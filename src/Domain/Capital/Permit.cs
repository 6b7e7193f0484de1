namespace PepFunctions.Domain;

/// <summary>One item of a business's permit checklist.</summary>
/// <param name="Kind">NIB, SPP-IRT, halal or BPOM.</param>
/// <param name="AppliedOn">When the application went in; <see langword="null"/> until then.</param>
/// <param name="GrantedOn">When it was granted; <see langword="null"/> until then.</param>
public sealed record Permit(PermitKind Kind, DateOnly? AppliedOn = null, DateOnly? GrantedOn = null)
{
    /// <summary>Not applied, applied or granted, from the dates.</summary>
    [JsonIgnore]
    public PermitStatus Status =>
        GrantedOn is not null ? PermitStatus.Granted
        : AppliedOn is not null ? PermitStatus.Applied
        : PermitStatus.NotApplied;

    /// <summary>What is wrong with the dates; empty when they are consistent.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        if (GrantedOn is not { } granted)
        {
            return [];
        }

        if (AppliedOn is not { } applied)
        {
            return [new(nameof(AppliedOn), "A granted permit needs the date it was applied for.")];
        }

        return granted < applied ? [new(nameof(GrantedOn), "A permit cannot be granted before it was applied for.")] : [];
    }
}
