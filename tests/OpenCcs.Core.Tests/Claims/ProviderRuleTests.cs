using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Tests.Common;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>
/// Rule 6, the SAR's provider and sharing it, and rule 10, paneled providers and approved facilities
/// (DOMAIN.md §5, §6, §9.5, §9.9; reference/000).
/// </summary>
public class ProviderRuleTests
{
    private static ClaimToCheck LabTest(string? referring = null) =>
        OfficeVisit(Line("80053")) with { BillingNpi = Laboratory, ReferringNpi = referring };

    [Fact]
    public void Provider_sharing_the_sar_must_enter_the_authorised_provider_as_referring()
    {
        var finding = Verdict.Only(Check(LabTest()), ClaimRules.ProviderNotAuthorized);

        Assert.Equal(X12Code.RarcN54, finding.Code);
        Assert.Contains($"authorised to NPI {Physician}", finding.Message);
        Assert.Contains("field 17/17b", finding.Fix);
        Assert.Contains("NM1*DN", finding.Fix);
        Assert.Contains(Physician, finding.Fix);
        Verdict.Pays(Check(LabTest(referring: Physician)));
    }

    [Fact]
    public void Referring_provider_other_than_the_sars_does_not_share_it()
    {
        Verdict.Only(Check(LabTest(referring: Surgeon)), ClaimRules.ProviderNotAuthorized);
    }

    [Fact]
    public void Line_referring_provider_overrides_the_claims()
    {
        var claim = LabTest(referring: Surgeon) with { Lines = [Line("80053") with { ReferringNpi = Physician }] };

        Verdict.Pays(Check(claim));
    }

    [Fact]
    public void Rendering_provider_that_is_the_sars_pays_under_another_billing_provider()
    {
        var groupBilling = OfficeVisit() with { BillingNpi = Laboratory, RenderingNpi = Physician };
        var lineRendering = OfficeVisit(Line() with { RenderingNpi = Physician }) with { BillingNpi = Laboratory };

        Verdict.Pays(Check(groupBilling));
        Verdict.Pays(Check(lineRendering));
    }

    // SCCs are granted SCG 02; the test table holds 01, 07 and 10, and 01 holds the same lab codes.
    private static readonly SarFacts SccSar = Sar(40, SarType.SpecialCareCenter, SpecialCareCenter) with { Scg = new("01", SarFrom, SarTo) };

    [Fact]
    public void Special_care_center_sar_is_shared_with_no_referring_provider()
    {
        var scc = SccSar;
        var facts = Facts().With(scc);
        var lab = LabTest() with { PriorAuthorization = scc.Number };

        Verdict.Pays(Check(lab, facts));
        var finding = Verdict.Only(Check(lab with { ReferringNpi = SpecialCareCenter }, facts), ClaimRules.SccReferringEntered);
        Assert.Contains("Special Care Center SAR", finding.Message);
        Assert.Contains("field 17/17b", finding.Fix);
        Verdict.Only(Check(lab with { Lines = [Line("80053") with { ReferringNpi = Physician }] }, facts), ClaimRules.SccReferringEntered);
    }

    [Fact]
    public void Special_care_center_billing_its_own_sar_may_enter_a_referring_provider()
    {
        var scc = SccSar;
        var claim = OfficeVisit() with { BillingNpi = SpecialCareCenter, ReferringNpi = Physician, PriorAuthorization = scc.Number };

        Verdict.Pays(Check(claim, Facts().With(scc)));
    }

    [Fact]
    public void Provider_not_paneled_on_the_date_of_service_is_denied_with_carc_185()
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { RenderingNpi = NotPaneled }), ClaimRules.ProviderNotPaneled);

        Assert.Equal(X12Code.Carc185, finding.Code);
        Assert.Contains("Dr. Lee Park", finding.Message);
        Assert.Contains("not CCS-paneled on 2026-03-09", finding.Message);
    }

    [Fact]
    public void Provider_paneled_until_before_the_date_of_service_is_denied_and_paid_for_earlier_dates()
    {
        var claim = OfficeVisit() with { RenderingNpi = PanelEnded };

        Verdict.Only(Check(claim), ClaimRules.ProviderNotPaneled);
        Verdict.Pays(Check(claim with { Lines = [Line(on: Instants.Day("2026-02-20"))] }));
    }

    [Fact]
    public void Date_range_that_runs_past_the_panel_end_is_denied_for_its_last_day()
    {
        var claim = OfficeVisit(Line() with { From = Instants.Day("2026-02-27"), To = Instants.Day("2026-03-01") }) with { RenderingNpi = PanelEnded };

        var finding = Verdict.Only(Check(claim), ClaimRules.ProviderNotPaneled);

        Assert.Contains("2026-03-01", finding.Message);
    }

    [Fact]
    public void Facility_not_approved_is_denied_as_such()
    {
        var claim = OfficeVisit() with { RenderingNpi = UnapprovedHospital };

        var finding = Verdict.Only(Check(claim), ClaimRules.ProviderNotPaneled);

        Assert.Contains("Seaside Hospital", finding.Message);
        Assert.Contains("not a CCS-approved facility", finding.Message);
    }

    [Fact]
    public void Emergency_and_trauma_care_are_excepted_from_the_panel_rule()
    {
        var notPaneled = OfficeVisit() with { RenderingNpi = NotPaneled };
        var unknown = OfficeVisit() with { RenderingNpi = Unknown };

        Verdict.Pays(Check(notPaneled with { Trauma = true }));
        Verdict.Pays(Check(notPaneled with { Emergency = true }));
        Verdict.Pays(Check(unknown with { Lines = [Line() with { Emergency = true }] }));
        Verdict.Pays(Check(unknown with { Trauma = true }));
    }

    [Fact]
    public void Npi_unknown_to_ccs_is_denied_with_carc_208()
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { RenderingNpi = Unknown }), ClaimRules.ProviderUnknown);

        Assert.Equal(X12Code.Carc208, finding.Code);
        Assert.Contains($"NPI {Unknown} is not a CCS provider", finding.Message);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234567890")]
    public void Npi_that_is_not_one_is_denied_even_in_an_emergency(string npi)
    {
        var claim = OfficeVisit() with { RenderingNpi = npi, Emergency = true };

        var finding = Verdict.Only(Check(claim), ClaimRules.ProviderUnknown);

        Assert.Contains($"'{npi}' is not an NPI", finding.Message);
    }

    [Fact]
    public void Claim_without_any_provider_npi_is_denied()
    {
        var claim = OfficeVisit() with { BillingNpi = null, RenderingNpi = " " };

        var findings = Verdict.Denied(Check(claim), ClaimRules.ProviderUnknown, ClaimRules.ProviderNotAuthorized);

        Assert.Contains("no rendering or billing provider NPI", findings[0].Message);
    }
}
