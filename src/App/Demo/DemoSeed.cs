using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Demo;

/// <summary>Demo settings (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Demo";

    /// <summary>Seeds demo people and training batches (local runs only); needs the demo accounts (<c>Staff:DemoAccounts</c>).</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// Seeds a few fictional people and training batches at the offices from the articles, through the same services
/// staff use, so that it is idempotent and shows on the timelines; then lists the demo sign-ins.
/// </summary>
/// <remarks>Does nothing unless <see cref="DemoOptions.Seed"/> and <see cref="StaffOptions.DemoAccounts"/> are both on.</remarks>
public sealed class DemoSeed(
    CaseService cases,
    TrainingService training,
    StaffDirectory directory,
    IOptions<StaffOptions> staffOptions,
    IOptions<DemoOptions> demoOptions,
    TimeProvider time,
    ILogger<DemoSeed> logger)
{
    // Fictional people: registration numbers and names made up for the demo.
    private static readonly (string Office, string Registration, string Name, int ReleaseInDays)[] People =
    [
        (Offices.LppKupang, "WBP-2025-0101", "Demo Maria Kewa", 45),
        (Offices.LppKupang, "WBP-2025-0102", "Demo Yohana Lede", 120),
        (Offices.LppKupang, "WBP-2025-0103", "Demo Sisilia Bani", 200),
        (Offices.LppTangerang, "WBP-2025-0201", "Demo Siti Rahma", 90),
    ];

    /// <summary>Seeds the demo data when it is switched on; people enrolled before are left as they are.</summary>
    /// <param name="client">Starts the demo people's pipelines.</param>
    /// <param name="cancellationToken">Stops seeding.</param>
    /// <returns>True when the demo data was seeded (now or before); false when seeding is off.</returns>
    public async Task<bool> SeedAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!demoOptions.Value.Seed)
        {
            return false;
        }

        if (!staffOptions.Value.DemoAccounts)
        {
            logger.LogWarning("Demo:Seed is on but Staff:DemoAccounts is off; the demo data needs the demo accounts, so nothing was seeded");
            return false;
        }

        var now = time.GetUtcNow();
        var staff = await directory.ListAsync(cancellationToken);
        foreach (var (office, registration, name, releaseInDays) in People)
        {
            var today = Offices.LocalDate(office, now);
            var officer = staff.First(s => s.Role == StaffRole.LapasOfficer && s.OfficeCode == office);
            // Every purpose, so the README's walk can refer, showcase and nominate (consent is enforced: docs/privacy.md).
            var consent = new Consent(officer.Username, now, Enum.GetValues<ConsentPurpose>());
            var enrollment = new Enrollment(office, registration, name, null, today.AddDays(releaseInDays), consent);
            await IgnoringConflictAsync(() => cases.EnrolAsync(officer, enrollment, client, cancellationToken));
        }

        await SeedBatchAsync("lapas.kupang", TrainingTrack.FoodProcessing, TrainingPartners.DitjenIkma, Offices.LocalDate(Offices.LppKupang, now), cancellationToken);
        await SeedBatchAsync("lapas.tangerang", TrainingTrack.Batik, TrainingPartners.YayasanBatikIndonesia, Offices.LocalDate(Offices.LppTangerang, now), cancellationToken);
        logger.LogInformation("Demo data seeded: {People} people, 2 training batches", People.Length);
        LogSignIns(staff);
        return true;
    }

    private async Task SeedBatchAsync(string username, TrainingTrack track, TrainingPartner partner, DateOnly today, CancellationToken cancellationToken)
    {
        var officer = await directory.FindAsync(username, cancellationToken)
            ?? throw new InvalidOperationException($"The demo account '{username}' is not in the directory.");
        var existing = await training.ListBatchesAsync(officer, officer.OfficeCode, cancellationToken);
        if (existing.Count == 0)
        {
            await training.CreateBatchAsync(
                officer, new CreateBatchRequest(track, officer.OfficeCode, partner.Name, today, today.AddDays(30), 10, null), cancellationToken);
        }
    }

    private static async Task IgnoringConflictAsync(Func<Task> seed)
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

    private void LogSignIns(IReadOnlyList<StaffMember> staff)
    {
        var accounts = string.Join(Environment.NewLine, staff.Select(s => $"    {s.Username,-16} {s.Role,-18} {s.OfficeCode}"));
        logger.LogInformation(
            "Staff pages at /, API under /api, OpenAPI at /openapi/v1.json. Demo sign-ins (password {Password}):{NewLine}{Accounts}",
            staffOptions.Value.DemoPassword, Environment.NewLine, accounts);
    }
}
