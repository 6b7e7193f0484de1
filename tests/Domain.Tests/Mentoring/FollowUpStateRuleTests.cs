namespace PepFunctions.Domain.Tests;

public sealed class FollowUpStateRuleTests
{
    private static readonly DateOnly Due = new(2025, 3, 10);

    [Theory]
    [InlineData("2025-03-06", FollowUpState.Scheduled)]
    [InlineData("2025-03-07", FollowUpState.Upcoming)]
    [InlineData("2025-03-09", FollowUpState.Upcoming)]
    [InlineData("2025-03-10", FollowUpState.Due)]
    [InlineData("2025-03-17", FollowUpState.Due)]
    [InlineData("2025-03-18", FollowUpState.Overdue)]
    public void Classify_DefaultLeadAndGrace_StateAtEachBoundary(string today, FollowUpState expected) =>
        Assert.Equal(expected, FollowUpStateRule.Classify(Due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), done: false, MentoringOptions.Default));

    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("2025-04-30")]
    public void Classify_Recorded_DoneWhateverTheDate(string today) =>
        Assert.Equal(FollowUpState.Done, FollowUpStateRule.Classify(Due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), done: true, MentoringOptions.Default));

    [Theory]
    [InlineData(-3, FollowUpState.Scheduled)]
    [InlineData(-2, FollowUpState.Upcoming)]
    [InlineData(0, FollowUpState.Due)]
    [InlineData(5, FollowUpState.Due)]
    [InlineData(6, FollowUpState.Overdue)]
    public void Classify_DurationsInSeconds_StateAtEachBoundary(int secondsFromDue, FollowUpState expected)
    {
        var due = new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var options = new MentoringOptions { ReminderLead = TimeSpan.FromSeconds(2), GracePeriod = TimeSpan.FromSeconds(5) };

        Assert.Equal(expected, FollowUpStateRule.Classify(due, due.AddSeconds(secondsFromDue), done: false, options));
    }
}
