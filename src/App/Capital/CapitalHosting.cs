using PepFunctions.App.Files;

namespace PepFunctions.App.Capital;

/// <summary>Registers the capital feature's services; the Functions SDK finds <see cref="CapitalFunctions"/> itself.</summary>
internal static class CapitalHosting
{
    /// <summary>Adds <see cref="ReferralService"/>, <see cref="PermitService"/> and the record storage they work on.</summary>
    public static IHostApplicationBuilder AddCapital(this IHostApplicationBuilder builder)
    {
        builder.AddRecordStorage();
        builder.Services.AddSingleton<ReferralService>();
        builder.Services.AddSingleton<PermitService>();
        return builder;
    }
}
