namespace PepFunctions.Domain;

/// <summary>A referral of a person to a financing partner.</summary>
/// <param name="ReferralId">Unique id of the referral.</param>
/// <param name="PartnerName">The partner, e.g. a <see cref="FinancingPartners"/> name.</param>
/// <param name="Kind">What kind of partner it is.</param>
/// <param name="Amount">The amount asked for, in rupiah.</param>
/// <param name="Purpose">What the money is for (equipment, raw material, a stall).</param>
public sealed record Referral(string ReferralId, string PartnerName, FinancingPartnerKind Kind, long Amount, string Purpose)
{
    /// <summary>The longest partner name.</summary>
    public const int MaxPartnerNameLength = 120;

    /// <summary>The longest purpose.</summary>
    public const int MaxPurposeLength = 500;

    /// <summary>The largest amount any partner is asked for: Rp10.000.000.000, far above any micro-business loan or grant.</summary>
    public const long MaxAmount = 10_000_000_000;

    /// <summary>The KUR tier the amount falls in, for a <see cref="FinancingPartnerKind.KurBank"/>; otherwise <see langword="null"/>.</summary>
    public KurTier? MatchingKurTier() => Kind == FinancingPartnerKind.KurBank && Amount > 0 ? KurTier.For(Amount) : null;

    /// <summary>What is wrong with the referral, field by field; empty when it is valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(ReferralId))
        {
            errors.Add(new(nameof(ReferralId), "A referral id is required."));
        }

        if (string.IsNullOrWhiteSpace(PartnerName))
        {
            errors.Add(new(nameof(PartnerName), "Choose the financing partner."));
        }
        else if (PartnerName.Length > MaxPartnerNameLength)
        {
            errors.Add(new(nameof(PartnerName), $"The partner's name must be at most {MaxPartnerNameLength} characters."));
        }

        if (!Enum.IsDefined(Kind))
        {
            errors.Add(new(nameof(Kind), "Choose one of the kinds of financing partner."));
        }

        if (Amount <= 0)
        {
            errors.Add(new(nameof(Amount), "The amount must be more than Rp0."));
        }
        else if (Amount > MaxAmount)
        {
            errors.Add(new(nameof(Amount), $"The amount must be at most {Rupiah.Format(MaxAmount)}."));
        }
        else if (Kind == FinancingPartnerKind.KurBank && KurTier.For(Amount) is null)
        {
            errors.Add(new(nameof(Amount), $"KUR lends at most {Rupiah.Format(KurTier.Kecil.MaximumRupiah)}."));
        }

        if (string.IsNullOrWhiteSpace(Purpose))
        {
            errors.Add(new(nameof(Purpose), "Say what the capital is for."));
        }
        else if (Purpose.Length > MaxPurposeLength)
        {
            errors.Add(new(nameof(Purpose), $"The purpose must be at most {MaxPurposeLength} characters."));
        }

        return errors;
    }
}
