namespace PepFunctions.Domain.Tests;

public sealed class AccessPolicyTests
{
    private static StaffMember Staff(StaffRole role, string office) => new("user1", "User One", role, office);

    [Fact]
    public void CanView_KanwilNttCoordinator_SeesLppKupangButNotLppTangerang()
    {
        var coordinator = Staff(StaffRole.KanwilCoordinator, "KANWIL-NTT");

        Assert.True(AccessPolicy.CanView(coordinator, "LPP-KUPANG"));
        Assert.True(AccessPolicy.CanView(coordinator, "LP-KALABAHI"));
        Assert.True(AccessPolicy.CanView(coordinator, "BAPAS-KUPANG"));
        Assert.False(AccessPolicy.CanView(coordinator, "LPP-TANGERANG"));
    }

    [Fact]
    public void CanView_CoordinatorNotPlacedAtAKanwil_SeesNothing() =>
        Assert.False(AccessPolicy.CanView(Staff(StaffRole.KanwilCoordinator, "LPP-KUPANG"), "LPP-KUPANG"));

    [Fact]
    public void CanView_KanwilCoordinator_UnknownCaseOffice_False() =>
        Assert.False(AccessPolicy.CanView(Staff(StaffRole.KanwilCoordinator, "KANWIL-NTT"), "LAPAS-NOWHERE"));

    [Theory]
    [InlineData(StaffRole.LapasOfficer, "LPP-KUPANG")]
    [InlineData(StaffRole.BapasOfficer, "BAPAS-KUPANG")]
    [InlineData(StaffRole.PokmasMentor, "BAPAS-KUPANG")]
    public void CanView_OfficeBoundRole_SeesOwnOfficeOnly(StaffRole role, string office)
    {
        var staff = Staff(role, office);

        Assert.True(AccessPolicy.CanView(staff, office));
        Assert.True(AccessPolicy.CanView(staff, office.ToLowerInvariant()));
        Assert.False(AccessPolicy.CanView(staff, "LP-KALABAHI"));
        Assert.False(AccessPolicy.CanView(staff, "LPP-TANGERANG"));
    }

    [Fact]
    public void CanView_Administrator_SeesEveryOffice()
    {
        var staff = Staff(StaffRole.Administrator, "DITJENPAS");

        Assert.All(Offices.Seed, office => Assert.True(AccessPolicy.CanView(staff, office.Code)));
    }

    [Fact]
    public void CanView_NationalCurator_SeesNoOfficesPeopleButEveryOfficesProducts()
    {
        // Issue 19: a curator needs products and curation, not people (docs/privacy.md, the access table).
        var staff = Staff(StaffRole.NationalCurator, "DITJENPAS");

        Assert.All(Offices.Seed, office => Assert.False(AccessPolicy.CanView(staff, office.Code)));
        Assert.All(Offices.Seed, office => Assert.True(AccessPolicy.CanSeeProducts(staff, office.Code)));
    }

    [Fact]
    public void CanPerform_LapasOfficer_CannotCurateEvenAtOwnOffice() =>
        Assert.False(AccessPolicy.CanPerform(Staff(StaffRole.LapasOfficer, "LPP-KUPANG"), PipelineAction.CurateProduct, "LPP-KUPANG"));

    [Fact]
    public void CanPerform_NationalCurator_CuratesAnyOfficesProduct() =>
        Assert.True(AccessPolicy.CanPerform(Staff(StaffRole.NationalCurator, "DITJENPAS"), PipelineAction.CurateProduct, "LPP-PALEMBANG"));

    [Fact]
    public void CanPerform_AllowedRoleOnAnotherOffice_False() =>
        Assert.False(AccessPolicy.CanPerform(Staff(StaffRole.LapasOfficer, "LPP-KUPANG"), PipelineAction.Enrol, "LPP-TANGERANG"));

    [Theory]
    [InlineData(StaffRole.LapasOfficer, PipelineAction.Enrol, true)]
    [InlineData(StaffRole.LapasOfficer, PipelineAction.RecordFollowUp, false)]
    [InlineData(StaffRole.BapasOfficer, PipelineAction.RecordFollowUp, true)]
    [InlineData(StaffRole.BapasOfficer, PipelineAction.Enrol, false)]
    [InlineData(StaffRole.PokmasMentor, PipelineAction.RecordFollowUp, true)]
    [InlineData(StaffRole.PokmasMentor, PipelineAction.ReferCapital, true)]
    [InlineData(StaffRole.PokmasMentor, PipelineAction.Withdraw, false)]
    [InlineData(StaffRole.KanwilCoordinator, PipelineAction.Transfer, true)]
    [InlineData(StaffRole.KanwilCoordinator, PipelineAction.RecordRelease, false)]
    [InlineData(StaffRole.NationalCurator, PipelineAction.Enrol, false)]
    public void RolesAllowedTo_TableRow_MatchesTheProgrammesDivisionOfWork(StaffRole role, PipelineAction action, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.RolesAllowedTo(action).Contains(role));

    [Fact]
    public void RolesAllowedTo_EveryAction_HasARowThatIncludesTheAdministrator()
    {
        foreach (var action in Enum.GetValues<PipelineAction>())
        {
            Assert.Contains(StaffRole.Administrator, AccessPolicy.RolesAllowedTo(action));
        }
    }

    [Fact]
    public void RolesAllowedTo_CurateProduct_KanwilAndNationalRoles() =>
        Assert.Equal([StaffRole.KanwilCoordinator, StaffRole.NationalCurator, StaffRole.Administrator], AccessPolicy.RolesAllowedTo(PipelineAction.CurateProduct));

    [Fact]
    public void CanPerform_KanwilCuratesOwnProvinceOnly()
    {
        var kanwilNtt = Staff(StaffRole.KanwilCoordinator, "KANWIL-NTT");

        Assert.True(AccessPolicy.CanPerform(kanwilNtt, PipelineAction.CurateProduct, "LPP-KUPANG"));
        Assert.False(AccessPolicy.CanPerform(kanwilNtt, PipelineAction.CurateProduct, "LPP-TANGERANG"));
    }
}
