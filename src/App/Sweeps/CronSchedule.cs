using NCrontab;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// An NCRONTAB schedule with seconds (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, as Azure Functions
/// timer triggers), evaluated in UTC, waiting on a <see cref="TimeProvider"/> so tests can control time.
/// </summary>
internal sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    /// <summary>The expression, e.g. <c>0 */15 * * * *</c>.</summary>
    public string Expression { get; }

    /// <summary>Parses a six-field expression.</summary>
    /// <exception cref="FormatException">It is not a valid six-field NCRONTAB expression.</exception>
    public static CronSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression (second minute hour day month day-of-week).");
        return new CronSchedule(expression, schedule);
    }

    /// <summary>Whether <paramref name="expression"/> parses.</summary>
    public static bool IsValid(string? expression) =>
        !string.IsNullOrWhiteSpace(expression)
        && CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;

    /// <summary>The first occurrence strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(now.UtcDateTime), DateTimeKind.Utc));

    /// <summary>Waits on <paramref name="time"/> until the next occurrence and returns it.</summary>
    public async Task<DateTimeOffset> WaitForNextAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = NextAfter(now);
        await Task.Delay(next - now, time, cancellationToken);
        return next;
    }
}
