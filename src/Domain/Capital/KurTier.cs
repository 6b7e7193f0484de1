namespace PepFunctions.Domain;

/// <summary>A tier of KUR (<i>Kredit Usaha Rakyat</i>), the government-subsidised micro-credit.</summary>
/// <param name="Name">The tier's name, e.g. <c>KUR Mikro</c>.</param>
/// <param name="MaximumRupiah">The largest loan in the tier, inclusive.</param>
/// <param name="CollateralRequired">Whether the bank asks for collateral (<i>agunan tambahan</i>).</param>
/// <remarks>Lenders usually want six months of running business, so a referral made soon after release needs patience and follow-up.</remarks>
public sealed record KurTier(string Name, long MaximumRupiah, bool CollateralRequired)
{
    /// <summary>KUR Super Mikro: up to Rp10 juta (ten million rupiah), no collateral.</summary>
    public static KurTier SuperMikro { get; } = new("KUR Super Mikro", 10_000_000, false);

    /// <summary>KUR Mikro: up to Rp100 juta, no collateral.</summary>
    public static KurTier Mikro { get; } = new("KUR Mikro", 100_000_000, false);

    /// <summary>KUR Kecil: up to Rp500 juta, with collateral.</summary>
    public static KurTier Kecil { get; } = new("KUR Kecil", 500_000_000, true);

    /// <summary>The tiers, smallest first.</summary>
    public static IReadOnlyList<KurTier> All { get; } = [SuperMikro, Mikro, Kecil];

    /// <summary>The smallest tier that covers <paramref name="amount"/> rupiah, or <see langword="null"/> when it is above every tier (not KUR).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static KurTier? For(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        return All.FirstOrDefault(tier => amount <= tier.MaximumRupiah);
    }
}
