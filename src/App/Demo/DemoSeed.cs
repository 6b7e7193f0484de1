using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Demo;

/// <summary>Demo settings (section <c>Demo</c>).</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seeds demo people and training batches on start (local runs only); needs the demo accounts.</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// On start: seeds a few fictional people and training batches at the offices from the articles
/// (through the same services staff use, so it is idempotent and shows on the timelines), then
/// prints the URL and the demo sign-ins.
/// </summary>
internal sealed class DemoSeed(
    IHostApplicationLifetime lifetime,
    IServer server,
    IServiceProvider services,
    StaffDirectory directory,
    IOptions<StaffOptions> staffOptions,
    IOptions<DemoOptions> demoOptions,
    TimeProvider time,
    ILogger<DemoSeed> logger) : BackgroundService
{
    // Fictional people: registration numbers and names made up for the demo.
    private static readonly (string Office, string Registration, string Name, int ReleaseInDays)[] People =
    [
        (Offices.LppKupang, "WBP-2025-0101", "Demo Maria Kewa", 45),
        (Offices.LppKupang, "WBP-2025-0102", "Demo Yohana Lede", 120),
        (Offices.LppKupang, "WBP-2025-0103", "Demo Sisilia Bani", 200),
        (Offices.LppTangerang, "WBP-2025-0201", "Demo Siti Rahma", 90),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        if (demoOptions.Value.Seed && staffOptions.Value.DemoAccounts)
        {
            try
            {
                await SeedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Seeding the demo data failed; the app runs without it");
            }
        }

        PrintWelcome();
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var training = scope.ServiceProvider.GetRequiredService<TrainingService>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var (office, registration, name, releaseInDays) in People)
        {
            var officer = directory.All.First(s => s.Role == StaffRole.LapasOfficer && s.OfficeCode == office);
            var consent = new Consent(officer.Username, time.GetUtcNow(), [ConsentPurpose.Programme, ConsentPurpose.ShareWithMentors]);
            await IgnoringConflict(() => cases.EnrolAsync(officer, new Enrollment(office, registration, name, null, today.AddDays(releaseInDays), consent), cancellationToken));
        }

        await SeedBatchAsync(training, "lapas.kupang", TrainingTrack.FoodProcessing, TrainingPartners.DitjenIkma, today, cancellationToken);
        await SeedBatchAsync(training, "lapas.tangerang", TrainingTrack.Batik, TrainingPartners.YayasanBatikIndonesia, today, cancellationToken);
        logger.LogInformation("Demo data seeded: {People} people, 2 training batches", People.Length);
    }

    private async Task SeedBatchAsync(
        TrainingService training, string username, TrainingTrack track, TrainingPartner partner, DateOnly today, CancellationToken cancellationToken)
    {
        var officer = directory.Find(username)!;
        var existing = await training.ListBatchesAsync(officer, officer.OfficeCode, cancellationToken);
        if (existing.Count == 0)
        {
            await training.CreateBatchAsync(officer, new CreateBatchRequest(track, officer.OfficeCode, partner.Name, today.AddDays(7), today.AddDays(37), 10, null), cancellationToken);
        }
    }

    private static async Task IgnoringConflict(Func<Task> seed)
    {
        try
        {
            await seed();
        }
        catch (ConflictException)
        {
            // Seeded on an earlier run.
        }
    }

    private void PrintWelcome()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        logger.LogInformation("PEP Functions is ready at {Urls} (staff pages at /, API under /api, OpenAPI at /openapi/v1.json)", string.Join(", ", urls));
        if (staffOptions.Value.DemoAccounts)
        {
            var accounts = string.Join(Environment.NewLine, directory.All.Select(s => $"    {s.Username,-16} {s.Role,-18} {s.OfficeCode}"));
            logger.LogInformation("Demo sign-ins (password {Password}):{NewLine}{Accounts}", staffOptions.Value.DemoPassword, Environment.NewLine, accounts);
        }
    }
}

/// <summary>Registers the demo seed.</summary>
internal static class DemoHosting
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        builder.Services.AddHostedService<DemoSeed>();
        return builder;
    }
}
