namespace PepFunctions.Domain;

/// <summary>An organisation people are referred to for capital, raw material or equipment.</summary>
/// <param name="Name">The name staff use, e.g. <c>Bank NTT</c>.</param>
/// <param name="Kind">Bank, Pegadaian, cooperative or grant programme.</param>
/// <param name="Province">The province a regional partner serves; <see langword="null"/> for national ones.</param>
public sealed record FinancingPartner(string Name, FinancingPartnerKind Kind, string? Province = null);
