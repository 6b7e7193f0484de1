namespace PepFunctions.Domain;

/// <summary>The permits a kind of business usually needs.</summary>
/// <remarks>Every business: NIB. Food: also SPP-IRT and halal. Beauty products: also BPOM. Staff may add more per case.</remarks>
public static class PermitChecklist
{
    /// <summary>The checklist for <paramref name="business"/>, nothing applied for yet.</summary>
    public static IReadOnlyList<Permit> For(BusinessType business) => business switch
    {
        BusinessType.Food => [new(PermitKind.Nib), new(PermitKind.SppIrt), new(PermitKind.Halal)],
        BusinessType.Beauty => [new(PermitKind.Nib), new(PermitKind.Bpom)],
        _ => [new(PermitKind.Nib)],
    };
}
