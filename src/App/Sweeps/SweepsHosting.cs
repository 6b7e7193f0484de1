using Microsoft.Extensions.DependencyInjection.Extensions;
using PepFunctions.App.Files;
using PepFunctions.App.Notifications;

namespace PepFunctions.App.Sweeps;

/// <summary>Registers the sweeps.</summary>
internal static class SweepsHosting
{
    /// <summary>Adds <see cref="SweepsOptions"/> (the schedules are validated on start), the sweeps, and the outbox they queue into.</summary>
    public static IHostApplicationBuilder AddSweeps(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SweepsOptions>().BindConfiguration(SweepsOptions.SectionName)
            .Validate(o => CronSchedule.IsValid(o.ReminderSweep), "Sweeps:ReminderSweep must be a six-field NCRONTAB expression, e.g. '0 */15 * * * *'.")
            .Validate(o => CronSchedule.IsValid(o.DailyDigest), "Sweeps:DailyDigest must be a six-field NCRONTAB expression, e.g. '0 0 7 * * *'.")
            .Validate(o => CronSchedule.IsValid(o.PipelineRepair), "Sweeps:PipelineRepair must be a six-field NCRONTAB expression, e.g. '0 */5 * * * *'.")
            .Validate(o => o.RepairAfter >= TimeSpan.Zero, "Sweeps:RepairAfter must not be negative.")
            .Validate(o => o.RepairBatch > 0, "Sweeps:RepairBatch must be at least 1.")
            .Validate(o => CronSchedule.IsValid(o.HistoryPurge), "Sweeps:HistoryPurge must be a six-field NCRONTAB expression, e.g. '0 30 2 * * *'.")
            .Validate(o => o.HistoryRetention > TimeSpan.Zero, "Sweeps:HistoryRetention must be positive.")
            .ValidateOnStart();
        builder.AddRecordStorage();
        builder.AddNotifications();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ReferralReminders>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweep, ReferralReminderSweep>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweep, OverdueDigestSweep>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweep, PipelineRepairSweep>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweep, HistoryPurgeSweep>());
        return builder;
    }
}
