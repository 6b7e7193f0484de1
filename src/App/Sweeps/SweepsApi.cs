using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Http;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Sweeps;

/// <summary>The sweeps: their schedules, and <c>POST /api/sweeps/{name}/run</c> to run one now (administrators).</summary>
internal static class SweepsApi
{
    /// <summary>Adds the sweeps and their scheduler; the schedules are validated on start.</summary>
    public static WebApplicationBuilder AddSweeps(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SweepsOptions>().BindConfiguration(SweepsOptions.SectionName)
            .Validate(o => CronSchedule.IsValid(o.ReminderSweep), "Sweeps:ReminderSweep must be a six-field NCRONTAB expression, e.g. '0 */15 * * * *'.")
            .Validate(o => CronSchedule.IsValid(o.DailyDigest), "Sweeps:DailyDigest must be a six-field NCRONTAB expression, e.g. '0 0 7 * * *'.")
            .ValidateOnStart();
        builder.AddNotifications(); // the outbox the sweeps queue into; registering it twice is harmless (TryAdd)
        builder.Services.AddSingleton<ISweep, ReferralReminderSweep>();
        builder.Services.AddSingleton<ISweep, OverdueDigestSweep>();
        builder.Services.AddHostedService<SweepScheduler>();
        return builder;
    }

    /// <summary>Maps <c>POST /api/sweeps/{name}/run</c>.</summary>
    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sweeps/{name}/run", RunAsync).WithTags("Sweeps")
            .RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>()
            .WithSummary("Runs a sweep now (ReminderSweep, DailyDigest); administrators only.");
        return app;
    }

    private static async Task<Ok<SweepResult>> RunAsync(string name, IEnumerable<ISweep> sweeps, HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Staff().Role != StaffRole.Administrator)
        {
            throw new ForbiddenException("Only an administrator may run a sweep on demand.");
        }

        var sweep = sweeps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"There is no sweep '{name}'; the sweeps are {string.Join(", ", sweeps.Select(s => s.Name))}.");
        return TypedResults.Ok(await sweep.RunAsync(cancellationToken));
    }
}
