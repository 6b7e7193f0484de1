namespace PepFunctions.Domain.Tests;

public sealed class FollowUpVisitTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static FollowUpVisit Visit(DateOnly date, string? notes = null) =>
        new(date, ContactMode.InPerson, BusinessStatus.Running, IncomeBand.From1To3M, "Modal untuk oven", notes);

    [Fact]
    public void Validate_VisitToday_NoErrors() =>
        Assert.Empty(Visit(Today).Validate(Today));

    [Fact]
    public void Validate_FutureDate_ReportsDate() =>
        Assert.Equal("Date", Assert.Single(Visit(Today.AddDays(1)).Validate(Today)).Field);

    [Fact]
    public void Validate_NotesTooLong_ReportsNotes() =>
        Assert.Equal("Notes", Assert.Single(Visit(Today, new string('x', FollowUpVisit.MaxTextLength + 1)).Validate(Today)).Field);
}
