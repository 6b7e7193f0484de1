namespace PepFunctions.Domain.Tests;

public sealed class PipelineOptionsTests
{
    [Fact]
    public void Defaults_AreTheProgrammesTimings()
    {
        var options = new PipelineOptions();

        Assert.Equal(TimeSpan.FromDays(14), options.AssessmentDeadline);
        Assert.Equal(TimeSpan.FromDays(30), options.FollowUpInterval);
        Assert.Equal(12, options.FollowUpCount);
        Assert.Equal(TimeSpan.FromDays(3), options.ReminderLead);
        Assert.Equal(TimeSpan.FromDays(7), options.GracePeriod);
        Assert.Equal(TimeSpan.FromDays(14), options.ReferralWait);
        Assert.Equal(3, options.GraduationMonths);
        Assert.Equal(TimeSpan.FromDays(730), options.ProgrammePeriod);
        Assert.Equal(80, options.AttendanceThresholdPercent);
        Assert.Equal(30, options.BatchCapacity);
    }

    [Fact]
    public void Validate_Defaults_NoErrors() =>
        Assert.Empty(new PipelineOptions().Validate());

    [Fact]
    public void Validate_DurationsInSeconds_NoErrors() =>
        Assert.Empty(new PipelineOptions
        {
            AssessmentDeadline = TimeSpan.FromSeconds(5),
            FollowUpInterval = TimeSpan.FromSeconds(4),
            ReminderLead = TimeSpan.FromSeconds(1),
            GracePeriod = TimeSpan.FromSeconds(2),
            ReferralWait = TimeSpan.FromSeconds(3),
            ProgrammePeriod = TimeSpan.FromMinutes(1),
        }.Validate());

    [Fact]
    public void Validate_ImpossibleValues_ReportsEachField() =>
        Assert.Equal(
            ["AssessmentDeadline", "FollowUpInterval", "ReferralWait", "ProgrammePeriod", "FollowUpCount", "GraduationMonths", "BatchCapacity", "GracePeriod", "AttendanceThresholdPercent"],
            new PipelineOptions
            {
                AssessmentDeadline = TimeSpan.Zero,
                FollowUpInterval = TimeSpan.Zero,
                ReferralWait = TimeSpan.FromSeconds(-1),
                ProgrammePeriod = TimeSpan.Zero,
                FollowUpCount = 0,
                GraduationMonths = 0,
                BatchCapacity = 0,
                GracePeriod = TimeSpan.FromSeconds(-1),
                AttendanceThresholdPercent = 101,
            }.Validate().Select(error => error.Field));

    [Fact]
    public void Validate_ReminderLeadNotShorterThanInterval_ReportsReminderLead() =>
        Assert.Equal("ReminderLead", Assert.Single(new PipelineOptions { ReminderLead = TimeSpan.FromDays(30) }.Validate()).Field);

    [Fact]
    public void ForMentoring_CopiesTheMentoringTimings()
    {
        var options = new PipelineOptions
        {
            FollowUpInterval = TimeSpan.FromSeconds(4),
            FollowUpCount = 2,
            ReminderLead = TimeSpan.FromSeconds(1),
            GracePeriod = TimeSpan.FromSeconds(2),
        };

        Assert.Equal(
            new MentoringOptions { FollowUpInterval = TimeSpan.FromSeconds(4), FollowUpCount = 2, ReminderLead = TimeSpan.FromSeconds(1), GracePeriod = TimeSpan.FromSeconds(2) },
            options.ForMentoring());
    }
}
