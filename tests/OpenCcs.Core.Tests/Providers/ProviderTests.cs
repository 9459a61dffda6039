using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Providers;

public class ProviderTests
{
    private static readonly Guid Organization = Guid.NewGuid();

    private static Provider Physician() =>
        Provider.Enroll(Npi.Parse("1234567893"), "Dr. Grace Kim", ProviderType.Physician, Organization, Instants.Monday);

    private static Provider Hospital() =>
        Provider.Enroll(Npi.Parse("1245319599"), "Valley Children's Hospital", ProviderType.Hospital, Organization, Instants.Monday);

    [Fact]
    public void Enrolled_provider_keeps_its_npi_name_type_and_organisation()
    {
        var provider = Provider.Enroll(Npi.Parse("1234567893"), "  Dr. Grace Kim ", ProviderType.Physician, Organization, Instants.Monday);

        Assert.Equal(Npi.Parse("1234567893"), provider.Npi);
        Assert.Equal("Dr. Grace Kim", provider.Name);
        Assert.Equal(ProviderType.Physician, provider.Type);
        Assert.Equal(Organization, provider.OrganizationId);
        Assert.False(provider.IsFacility);
        Assert.Empty(provider.PanelPeriods);
        Assert.Empty(provider.Approvals);
        Assert.Equal(Instants.Monday, provider.CreatedAt);
    }

    [Fact]
    public void Provider_without_an_npi_cannot_enroll()
    {
        var error = Rules.Refused("provider.npi-required",
            () => Provider.Enroll(default, "Dr. Grace Kim", ProviderType.Physician, Organization, Instants.Monday));

        Assert.Contains("NPI", error.Message);
    }

    [Fact]
    public void Provider_without_a_name_cannot_enroll()
    {
        var error = Rules.Refused("provider.name-required",
            () => Provider.Enroll(Npi.Parse("1234567893"), " ", ProviderType.Physician, Organization, Instants.Monday));

        Assert.Contains("name", error.Message);
    }

    [Theory]
    [InlineData(ProviderType.Hospital, true)]
    [InlineData(ProviderType.SpecialCareCenter, true)]
    [InlineData(ProviderType.Physician, false)]
    [InlineData(ProviderType.Therapist, false)]
    [InlineData(ProviderType.Pharmacy, false)]
    [InlineData(ProviderType.Laboratory, false)]
    [InlineData(ProviderType.Audiologist, false)]
    [InlineData(ProviderType.NursePractitioner, false)]
    public void Hospitals_and_special_care_centers_are_facilities(ProviderType type, bool isFacility)
    {
        var provider = Provider.Enroll(Npi.Parse("1234567893"), "Provider", type, Organization, Instants.Monday);

        Assert.Equal(isFacility, provider.IsFacility);
    }

    [Fact]
    public void Enrolled_provider_is_not_authorized_until_paneled()
    {
        Assert.False(Physician().IsAuthorizedOn(Instants.Today));
    }

    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void Provider_paneled_for_a_closed_period_is_authorized_only_within_it_both_ends_included(string date, bool expected)
    {
        var provider = Physician();

        provider.Panel(Instants.Day("2026-01-01"), Instants.Day("2026-12-31"), Instants.Later(1));

        Assert.Equal(expected, provider.IsAuthorizedOn(Instants.Day(date)));
    }

    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2040-01-01", true)]
    public void Provider_paneled_with_an_open_end_is_authorized_from_the_start_onward(string date, bool expected)
    {
        var provider = Physician();

        provider.Panel(Instants.Day("2026-01-01"), null, Instants.Later(1));

        Assert.Equal(expected, provider.IsAuthorizedOn(Instants.Day(date)));
    }

    [Fact]
    public void Provider_is_not_authorized_in_the_gap_between_two_panel_periods()
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2024-01-01"), Instants.Day("2024-12-31"), Instants.Later(1));
        provider.Panel(Instants.Day("2026-01-01"), null, Instants.Later(2));

        Assert.True(provider.IsAuthorizedOn(Instants.Day("2024-12-31")));
        Assert.False(provider.IsAuthorizedOn(Instants.Day("2025-06-30")));
        Assert.True(provider.IsAuthorizedOn(Instants.Day("2026-01-01")));
        Assert.Equal(2, provider.PanelPeriods.Count);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-30")]
    [InlineData("2025-06-01", "2026-01-01")]
    [InlineData("2026-12-31", null)]
    [InlineData("2025-01-01", null)]
    [InlineData("2025-01-01", "2027-12-31")]
    public void Panel_period_overlapping_an_existing_one_is_refused(string from, string? to)
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2026-01-01"), Instants.Day("2026-12-31"), Instants.Later(1));

        var error = Rules.Refused("provider.panel-overlap",
            () => provider.Panel(Instants.Day(from), to is null ? null : Instants.Day(to), Instants.Later(2)));

        Assert.Contains($"already paneled during {from}", error.Message);
        Assert.Single(provider.PanelPeriods);
    }

    [Fact]
    public void Panel_period_starting_the_day_after_the_last_one_ends_is_accepted()
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2026-01-01"), Instants.Day("2026-12-31"), Instants.Later(1));

        provider.Panel(Instants.Day("2027-01-01"), null, Instants.Later(2));

        Assert.Equal(2, provider.PanelPeriods.Count);
        Assert.True(provider.IsAuthorizedOn(Instants.Day("2027-01-01")));
    }

    [Fact]
    public void Panel_period_cannot_end_before_it_starts()
    {
        var provider = Physician();

        var error = Rules.Refused("period.ends-before-start", () => provider.Panel(Instants.Day("2026-12-31"), Instants.Day("2026-01-01"), Instants.Later(1)));

        Assert.Contains("before it starts", error.Message);
        Assert.Empty(provider.PanelPeriods);
    }

    [Theory]
    [InlineData(ProviderType.Hospital)]
    [InlineData(ProviderType.SpecialCareCenter)]
    public void Facilities_cannot_be_paneled(ProviderType type)
    {
        var facility = Provider.Enroll(Npi.Parse("1245319599"), "Facility", type, Organization, Instants.Monday);

        var error = Rules.Refused("provider.facility-not-paneled", () => facility.Panel(Instants.Day("2026-01-01"), null, Instants.Later(1)));

        Assert.Contains("facility approval", error.Message);
        Assert.False(facility.IsAuthorizedOn(Instants.Day("2026-01-01")));
    }

    [Fact]
    public void Ending_the_open_panel_period_authorizes_through_the_last_day_only()
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2026-01-01"), null, Instants.Later(1));

        provider.EndPanel(Instants.Day("2026-06-30"), Instants.Later(2));

        Assert.True(provider.IsAuthorizedOn(Instants.Day("2026-06-30")));
        Assert.False(provider.IsAuthorizedOn(Instants.Day("2026-07-01")));
        var period = Assert.Single(provider.PanelPeriods);
        Assert.Equal(Instants.Day("2026-06-30"), period.To);
    }

    [Fact]
    public void Provider_whose_panel_ended_can_be_paneled_again_later()
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2026-01-01"), null, Instants.Later(1));
        provider.EndPanel(Instants.Day("2026-06-30"), Instants.Later(2));

        provider.Panel(Instants.Day("2026-09-01"), null, Instants.Later(3));

        Assert.False(provider.IsAuthorizedOn(Instants.Day("2026-08-15")));
        Assert.True(provider.IsAuthorizedOn(Instants.Day("2026-09-01")));
    }

    [Fact]
    public void Ending_a_panel_needs_an_open_panel_period()
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2026-01-01"), Instants.Day("2026-12-31"), Instants.Later(1));

        var error = Rules.Refused("provider.not-paneled", () => provider.EndPanel(Instants.Day("2026-06-30"), Instants.Later(2)));

        Assert.Contains("no open panel period", error.Message);
        Assert.True(provider.IsAuthorizedOn(Instants.Day("2026-12-31")));
    }

    [Fact]
    public void Ending_a_panel_before_it_started_is_refused_and_the_provider_stays_paneled()
    {
        var provider = Physician();
        provider.Panel(Instants.Day("2026-01-01"), null, Instants.Later(1));

        Rules.Refused("period.ends-before-start", () => provider.EndPanel(Instants.Day("2025-12-31"), Instants.Later(2)));

        Assert.True(provider.IsAuthorizedOn(Instants.Day("2026-03-02")));
        var period = Assert.Single(provider.PanelPeriods);
        Assert.Null(period.To);
    }

    [Fact]
    public void Only_facilities_receive_approvals()
    {
        var provider = Physician();

        var error = Rules.Refused("provider.approval-needs-facility",
            () => provider.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2026-01-01"), null, Instants.Later(1)));

        Assert.Contains("Only hospitals and Special Care Centers", error.Message);
        Assert.Empty(provider.Approvals);
    }

    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void Facility_is_authorized_while_it_holds_an_approval(string date, bool expected)
    {
        var hospital = Hospital();

        hospital.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2026-01-01"), Instants.Day("2026-12-31"), Instants.Later(1));

        Assert.Equal(expected, hospital.IsAuthorizedOn(Instants.Day(date)));
    }

    [Fact]
    public void Nicu_approval_must_state_its_level()
    {
        var hospital = Hospital();

        var error = Rules.Refused("provider.nicu-level-required",
            () => hospital.Approve(FacilityApprovalKind.Nicu, null, Instants.Day("2026-01-01"), null, Instants.Later(1)));

        Assert.Contains("community, intermediate or regional", error.Message);
        Assert.Empty(hospital.Approvals);
    }

    [Theory]
    [InlineData(FacilityApprovalKind.Hospital)]
    [InlineData(FacilityApprovalKind.SpecialCareCenter)]
    [InlineData(FacilityApprovalKind.HighRiskInfantFollowUp)]
    public void Approvals_other_than_nicu_carry_no_level(FacilityApprovalKind kind)
    {
        var hospital = Hospital();

        var error = Rules.Refused("provider.level-only-for-nicu",
            () => hospital.Approve(kind, NicuLevel.Regional, Instants.Day("2026-01-01"), null, Instants.Later(1)));

        Assert.Contains("Only NICU approvals carry a level", error.Message);
        Assert.Empty(hospital.Approvals);
    }

    [Fact]
    public void Overlapping_approval_of_the_same_kind_is_refused()
    {
        var hospital = Hospital();
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Intermediate, Instants.Day("2026-01-01"), null, Instants.Later(1));

        var error = Rules.Refused("provider.approval-overlap",
            () => hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, Instants.Day("2027-01-01"), null, Instants.Later(2)));

        Assert.Contains("Nicu approval during 2027-01-01 onward", error.Message);
        Assert.Single(hospital.Approvals);
    }

    [Fact]
    public void Approvals_of_different_kinds_may_overlap()
    {
        var hospital = Hospital();

        hospital.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2020-01-01"), null, Instants.Later(1));
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, Instants.Day("2024-01-01"), null, Instants.Later(2));
        hospital.Approve(FacilityApprovalKind.HighRiskInfantFollowUp, null, Instants.Day("2025-01-01"), null, Instants.Later(3));

        Assert.Equal(
            [FacilityApprovalKind.Hospital, FacilityApprovalKind.Nicu, FacilityApprovalKind.HighRiskInfantFollowUp],
            hospital.Approvals.Select(a => a.Kind));
    }

    [Fact]
    public void Facility_without_a_nicu_approval_has_no_nicu_level()
    {
        var hospital = Hospital();
        hospital.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2020-01-01"), null, Instants.Later(1));

        Assert.Null(hospital.NicuLevelOn(Instants.Today));
    }

    [Theory]
    [InlineData("2023-12-31", null)]
    [InlineData("2024-01-01", NicuLevel.Community)]
    [InlineData("2025-06-30", NicuLevel.Community)]
    [InlineData("2025-07-01", NicuLevel.Regional)]
    [InlineData("2040-01-01", NicuLevel.Regional)]
    public void Nicu_level_on_a_date_is_the_level_of_the_approval_in_force(string date, NicuLevel? expected)
    {
        var hospital = Hospital();
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Community, Instants.Day("2024-01-01"), Instants.Day("2025-06-30"), Instants.Later(1));
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, Instants.Day("2025-07-01"), null, Instants.Later(2));

        Assert.Equal(expected, hospital.NicuLevelOn(Instants.Day(date)));
    }

    [Fact]
    public void Nicu_levels_rank_community_below_intermediate_below_regional()
    {
        Assert.True(NicuLevel.Community < NicuLevel.Intermediate);
        Assert.True(NicuLevel.Intermediate < NicuLevel.Regional);
    }
}
