namespace PepFunctions.App.Catalogue;

/// <summary>Registers the public catalogue; the Functions SDK finds <see cref="CatalogueFunctions"/> itself.</summary>
internal static class CatalogueHosting
{
    /// <summary>Adds <see cref="CatalogueService"/> and its options.</summary>
    public static IHostApplicationBuilder AddCatalogue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogueOptions>()
            .BindConfiguration(CatalogueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CatalogueService>();
        return builder;
    }
}
