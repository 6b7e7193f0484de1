namespace PepFunctions.Domain;

/// <summary>A product made by participants, which an office may nominate as <i>produk unggulan</i> (flagship product) for national curation.</summary>
/// <param name="ProductId">Unique id of the product.</param>
/// <param name="Name">What it is called on a label or stand, e.g. <c>Selendang tenun ikat</c>.</param>
/// <param name="Category">What kind of product.</param>
/// <param name="Description">A short description for catalogues.</param>
/// <param name="PriceRupiah">Selling price in rupiah.</param>
public sealed record Product(string ProductId, string Name, ProductCategory Category, string Description, long PriceRupiah)
{
    /// <summary>Longest <see cref="Name"/> accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest <see cref="Description"/> accepted.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>What is wrong with the product, field by field; empty when it is valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(ProductId))
        {
            errors.Add(new(nameof(ProductId), "A product id is required."));
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new(nameof(Name), "A product name is required."));
        }
        else if (Name.Length > MaxNameLength)
        {
            errors.Add(new(nameof(Name), $"The name must be at most {MaxNameLength} characters."));
        }

        if (Description?.Length > MaxDescriptionLength)
        {
            errors.Add(new(nameof(Description), $"The description must be at most {MaxDescriptionLength} characters."));
        }

        if (PriceRupiah <= 0)
        {
            errors.Add(new(nameof(PriceRupiah), "The price must be more than Rp0."));
        }

        return errors;
    }
}
