using PepFunctions.App.Capital;
using PepFunctions.App.Demo;
using PepFunctions.App.Cases;
using PepFunctions.App.Health;
using PepFunctions.App.Hosting;
using PepFunctions.App.Http;
using PepFunctions.App.Instances;
using PepFunctions.App.Marketing;
using PepFunctions.App.Notifications;
using PepFunctions.App.Samples;
using PepFunctions.App.Staff;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Training;
using PepFunctions.App.Web;

namespace PepFunctions.App;

/// <summary>The function app: standalone on port 7071, or an Azure Functions custom handler.</summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        await using var app = Build(args);
        await app.RunAsync();
    }

    /// <summary>Builds the app; tests pass <c>--urls</c>, storage and task hub settings as arguments.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddFunctionsHosting();
        builder.AddDurableRuntime(tasks => tasks.AddSampleTasks().AddCaseTasks());
        builder.AddHttpApiDefaults();
        builder.AddHealth();
        builder.AddSamples();
        builder.AddStaffSignIn();
        builder.AddCases();
        builder.AddTraining();
        builder.AddCapital();
        builder.AddMarketing();
        builder.AddSweeps();
        builder.AddStaffPages();
        builder.AddDemo();

        var app = builder.Build();
        app.LogLocalSettings();
        app.UseHttpApiDefaults();
        app.UseStaffPages();
        app.UseStaffSignIn();
        app.MapHealthApi();
        app.MapSamplesApi();
        app.MapInstancesApi();
        app.MapDeadLettersApi();
        app.MapSessionApi();
        app.MapCasesApi();
        app.MapNotificationsApi();
        app.MapTrainingApi();
        app.MapCapitalApi();
        app.MapMarketingApi();
        app.MapSweepsApi();
        app.MapStaffPages();
        return app;
    }
}
