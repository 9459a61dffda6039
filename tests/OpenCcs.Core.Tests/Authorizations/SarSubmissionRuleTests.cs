using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Who may submit, and SARs for children without an open case (DOMAIN.md §4, §6; reference/000, 002).</summary>
public class SarSubmissionRuleTests
{
    private static Provider Physician(DateOnly? paneledFrom = null, DateOnly? paneledTo = null)
    {
        var doctor = Provider.Enroll(Npi.Parse("1234567893"), "Dr. Grace Kim", ProviderType.Physician, Guid.NewGuid(), Instants.Monday);
        if (paneledFrom is { } from) doctor.Panel(from, paneledTo, Instants.Monday);
        return doctor;
    }

    private static Sar NewReferral(bool childHasOpenCase, SarFormType form = SarFormType.NewReferral) =>
        Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, form, "Q21.0", false, null,
            [SarBuilder.Echo()], SarBuilder.Provider, Instants.Monday, childHasOpenCase: childHasOpenCase);

    [Fact]
    public void Provider_paneled_on_the_request_date_may_submit()
    {
        SarSubmissionRules.EnsureMaySubmit(Physician(Instants.Day("2026-03-02")), Instants.Monday);
    }

    [Fact]
    public void Provider_not_paneled_on_the_request_date_is_refused_and_told_how_to_get_paneled()
    {
        var lapsed = Physician(Instants.Day("2020-01-01"), Instants.Day("2026-03-01"));

        var error = Rules.Refused("sar.provider-not-paneled", () => SarSubmissionRules.EnsureMaySubmit(lapsed, Instants.Monday));

        Assert.StartsWith("Dr. Grace Kim (NPI 1234567893) is not CCS-paneled on 2026-03-02", error.Message);
        Assert.Contains("online CCS Panel Application", error.Message);
        Assert.Contains("tracking number", error.Message);
    }

    [Fact]
    public void Request_date_is_the_california_date_of_receipt()
    {
        // 03:00 UTC on 2026-03-02 is still Sunday 2026-03-01 in California, the last day of the panel period.
        var paneled = Physician(Instants.Day("2020-01-01"), Instants.Day("2026-03-01"));

        SarSubmissionRules.EnsureMaySubmit(paneled, new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Facility_not_ccs_approved_on_the_request_date_is_refused()
    {
        var hospital = Provider.Enroll(Npi.Parse("1245319599"), "Valley Children's Hospital", ProviderType.Hospital, Guid.NewGuid(), Instants.Monday);

        var error = Rules.Refused("sar.facility-not-approved", () => SarSubmissionRules.EnsureMaySubmit(hospital, Instants.Monday));

        Assert.Contains("not a CCS-approved facility on 2026-03-02", error.Message);
    }

    [Fact]
    public void Facility_approved_on_the_request_date_may_submit()
    {
        var hospital = Provider.Enroll(Npi.Parse("1245319599"), "Valley Children's Hospital", ProviderType.Hospital, Guid.NewGuid(), Instants.Monday);
        hospital.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2020-01-01"), null, Instants.Monday);

        SarSubmissionRules.EnsureMaySubmit(hospital, Instants.Monday);
    }

    [Fact]
    public void New_referral_sar_for_a_child_without_an_open_case_is_accepted_as_awaiting_eligibility()
    {
        var sar = NewReferral(childHasOpenCase: false);

        Assert.Equal(SarStatus.Submitted, sar.Status);
        Assert.True(sar.AwaitingEligibility);
    }

    [Fact]
    public void Sar_for_a_child_with_an_open_case_is_not_awaiting_eligibility()
    {
        Assert.False(NewReferral(childHasOpenCase: true).AwaitingEligibility);
    }

    [Fact]
    public void Established_client_form_needs_an_open_case()
    {
        var error = Rules.Refused("sar.established-client-needs-open-case", () => NewReferral(childHasOpenCase: false, SarFormType.EstablishedClient));

        Assert.Contains("new referral SAR (DHCS 4488)", error.Message);
    }

    [Fact]
    public void Sar_awaiting_eligibility_is_not_approved_until_eligibility_is_confirmed()
    {
        var sar = NewReferral(childHasOpenCase: false);
        sar.BeginReview(SarBuilder.Nurse, Instants.Later(1));

        var error = Rules.Refused("sar.awaiting-eligibility", () => sar.Approve(SarBuilder.Consultant, Instants.Later(2)));
        Assert.Contains("waiting for the child's CCS eligibility decision", error.Message);

        sar.ConfirmEligibility(Instants.Later(3));
        sar.Approve(SarBuilder.Consultant, Instants.Later(4));

        Assert.False(sar.AwaitingEligibility);
        Assert.Equal(SarStatus.Approved, sar.Status);
    }

    [Fact]
    public void Sar_awaiting_eligibility_may_be_denied()
    {
        var sar = NewReferral(childHasOpenCase: false);
        sar.BeginReview(SarBuilder.Nurse, Instants.Later(1));

        sar.Deny(SarBuilder.Consultant, "Not a CCS-eligible condition", Instants.Later(2));

        Assert.Equal(SarStatus.Denied, sar.Status);
    }
}
