namespace PepFunctions.Domain;

/// <summary>What a person's business sold in one calendar month.</summary>
/// <param name="Year">The year, e.g. 2025.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="SalesRupiah">Sales in rupiah; zero when nothing was sold.</param>
public sealed record MonthlySales(int Year, int Month, long SalesRupiah);
