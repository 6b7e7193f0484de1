namespace PepFunctions.Domain;

/// <summary>Financing partners: those named in the source articles (Bank Mandiri, Bank NTT, Pegadaian) and the other large KUR banks.</summary>
public static class FinancingPartners
{
    /// <summary>All of them, in the order a referral form lists them.</summary>
    public static IReadOnlyList<FinancingPartner> Seed { get; } =
    [
        new("Bank Mandiri", FinancingPartnerKind.KurBank),
        new("Bank NTT", FinancingPartnerKind.KurBank, Provinces.NusaTenggaraTimur),
        new("BRI", FinancingPartnerKind.KurBank),
        new("BNI", FinancingPartnerKind.KurBank),
        new("Pegadaian", FinancingPartnerKind.Pegadaian),
    ];

    /// <summary>The partners available to a person in <paramref name="province"/>: the national ones and those of that province.</summary>
    public static IReadOnlyList<FinancingPartner> For(string province) =>
        [.. Seed.Where(partner => partner.Province is null || partner.Province == province)];
}
