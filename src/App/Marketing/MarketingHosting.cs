using PepFunctions.App.Files;

namespace PepFunctions.App.Marketing;

/// <summary>Registers the marketing feature's services; the Functions SDK finds <see cref="MarketingFunctions"/> itself.</summary>
internal static class MarketingHosting
{
    /// <summary>Adds <see cref="ProductService"/>, <see cref="ShowcaseService"/>, <see cref="SalesService"/> and the record storage they work on.</summary>
    public static IHostApplicationBuilder AddMarketing(this IHostApplicationBuilder builder)
    {
        builder.AddRecordStorage();
        builder.Services.AddSingleton<ProductService>();
        builder.Services.AddSingleton<ShowcaseService>();
        builder.Services.AddSingleton<SalesService>();
        return builder;
    }
}
