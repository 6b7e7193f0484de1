using PepFunctions.App.Sweeps;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>The check that stops the app on start when a timer's schedule setting is not one the hosts accept.</summary>
public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 */15 * * * *")]
    [InlineData("0 0 7 * * *")]
    [InlineData("*/2 * * * * *")]
    [InlineData("0 30 9-17/2 * * MON-FRI")]
    [InlineData("0 0 0 1 JAN,jul *")]
    public void IsValid_SixFieldNcrontab_IsTrue(string expression) => Assert.True(CronSchedule.IsValid(expression));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*/15 * * * *")]
    [InlineData("every quarter hour")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("0 0 0 0 * *")]
    [InlineData("0 */0 * * * *")]
    [InlineData("0 0 17-9 * * *")]
    [InlineData("0 0 0 * * SUNDAY")]
    public void IsValid_AnythingElse_IsFalse(string? expression) => Assert.False(CronSchedule.IsValid(expression));
}
