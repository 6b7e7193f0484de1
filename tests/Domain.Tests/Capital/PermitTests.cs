namespace PepFunctions.Domain.Tests;

public sealed class PermitTests
{
    private static readonly DateOnly Applied = new(2025, 5, 2);

    [Fact]
    public void Status_FromTheDates_NotAppliedAppliedGranted()
    {
        Assert.Equal(PermitStatus.NotApplied, new Permit(PermitKind.Nib).Status);
        Assert.Equal(PermitStatus.Applied, new Permit(PermitKind.Nib, Applied).Status);
        Assert.Equal(PermitStatus.Granted, new Permit(PermitKind.Nib, Applied, Applied.AddDays(3)).Status);
    }

    [Fact]
    public void Validate_GrantedBeforeApplied_ReportsGrantedOn() =>
        Assert.Equal("GrantedOn", Assert.Single(new Permit(PermitKind.SppIrt, Applied, Applied.AddDays(-1)).Validate()).Field);

    [Fact]
    public void Validate_GrantedWithoutApplication_ReportsAppliedOn() =>
        Assert.Equal("AppliedOn", Assert.Single(new Permit(PermitKind.Halal, null, Applied).Validate()).Field);

    [Fact]
    public void PermitChecklistFor_Food_NibSppIrtAndHalalNotYetApplied()
    {
        var checklist = PermitChecklist.For(BusinessType.Food);

        Assert.Equal([PermitKind.Nib, PermitKind.SppIrt, PermitKind.Halal], checklist.Select(permit => permit.Kind));
        Assert.All(checklist, permit => Assert.Equal(PermitStatus.NotApplied, permit.Status));
    }

    [Fact]
    public void PermitChecklistFor_Crafts_OnlyNib() =>
        Assert.Equal(PermitKind.Nib, Assert.Single(PermitChecklist.For(BusinessType.Crafts)).Kind);
}
