namespace PepFunctions.App.Reports;

/// <summary>Registers the programme report; the Functions SDK finds <see cref="ReportsFunctions"/> itself.</summary>
internal static class ReportsHosting
{
    /// <summary>Adds <see cref="ProgrammeLedger"/>, <see cref="ProgrammeReportService"/> and <see cref="ProgrammeRebuild"/>.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProgrammeLedger>();
        builder.Services.AddSingleton<ProgrammeReportService>();
        builder.Services.AddSingleton<ProgrammeRebuild>();
        return builder;
    }
}
