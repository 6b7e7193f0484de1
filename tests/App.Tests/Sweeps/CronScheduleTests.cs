using Microsoft.Extensions.Time.Testing;
using PepFunctions.App.Sweeps;

namespace PepFunctions.App.Tests.Sweeps;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 */15 * * * *", "2025-03-01T10:07:30Z", "2025-03-01T10:15:00Z")]
    [InlineData("0 */15 * * * *", "2025-03-01T10:15:00Z", "2025-03-01T10:30:00Z")]
    [InlineData("0 */15 * * * *", "2025-03-01T23:59:59Z", "2025-03-02T00:00:00Z")]
    [InlineData("0 0 7 * * *", "2025-03-01T06:59:59Z", "2025-03-01T07:00:00Z")]
    [InlineData("0 0 7 * * *", "2025-03-01T07:00:00Z", "2025-03-02T07:00:00Z")]
    [InlineData("*/2 * * * * *", "2025-03-01T10:00:01Z", "2025-03-01T10:00:02Z")]
    public void NextAfter_Expression_ReturnsFirstOccurrenceStrictlyAfter(string expression, string now, string expected)
    {
        var next = CronSchedule.Parse(expression).NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public async Task WaitForNextAsync_FakeTime_CompletesExactlyAtTheOccurrence()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 7, 30, TimeSpan.Zero));
        var schedule = CronSchedule.Parse("0 */15 * * * *");

        var wait = schedule.WaitForNextAsync(time, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(29));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 15, 0, TimeSpan.Zero), await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WaitForNextAsync_Cancelled_Throws()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        using var cancel = new CancellationTokenSource();

        var wait = CronSchedule.Parse("0 0 7 * * *").WaitForNextAsync(time, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("every quarter hour")]
    public void Parse_NotSixFields_ThrowsFormatException(string expression)
    {
        Assert.False(CronSchedule.IsValid(expression));
        Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
    }
}
