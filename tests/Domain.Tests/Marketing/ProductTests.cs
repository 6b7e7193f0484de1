namespace PepFunctions.Domain.Tests;

public sealed class ProductTests
{
    private static readonly Product Selendang = new("prd-1", "Selendang tenun ikat", ProductCategory.Textile, "Tenun ikat motif Alor", 350_000);

    [Fact]
    public void Validate_ExhibitionProduct_NoErrors() =>
        Assert.Empty(Selendang.Validate());

    [Fact]
    public void Validate_BadFields_ReportsEachField() =>
        Assert.Equal(
            ["ProductId", "Name", "Description", "PriceRupiah"],
            (Selendang with { ProductId = "", Name = new string('x', 101), Description = new string('x', 1001), PriceRupiah = 0 }).Validate().Select(error => error.Field));
}
