namespace PepFunctions.App.Pokmas;

/// <summary>Registers the Pokmas Lipas feature's service; the Functions SDK finds <see cref="PokmasFunctions"/> itself.</summary>
internal static class PokmasHosting
{
    /// <summary>Adds <see cref="PokmasService"/>.</summary>
    public static IHostApplicationBuilder AddPokmas(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PokmasService>();
        return builder;
    }
}
