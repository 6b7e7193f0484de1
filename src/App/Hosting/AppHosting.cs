using PepFunctions.App.Capital;
using PepFunctions.App.Catalogue;
using PepFunctions.App.Cases;
using PepFunctions.App.Demo;
using PepFunctions.App.Health;
using PepFunctions.App.Http;
using PepFunctions.App.Marketing;
using PepFunctions.App.Pokmas;
using PepFunctions.App.Reports;
using PepFunctions.App.Staff;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Training;
using PepFunctions.App.Web;

namespace PepFunctions.App.Hosting;

/// <summary>Registers every feature's services; the functions themselves are found by the Functions SDK.</summary>
internal static class AppHosting
{
    public static IHostApplicationBuilder AddPepFunctions(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddRecordStorageAccount();
        builder.AddHttpApiDefaults();
        builder.AddHealth();
        builder.AddStaffSignIn();
        builder.AddCases();
        builder.AddTraining();
        builder.AddCapital();
        builder.AddMarketing();
        builder.AddCatalogue();
        builder.AddPokmas();
        builder.AddReports();
        builder.AddSweeps();
        builder.AddStaffPages();
        builder.AddDemo();
        return builder;
    }
}
