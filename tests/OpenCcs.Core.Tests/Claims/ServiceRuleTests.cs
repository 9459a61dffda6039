using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Tests.Common;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Rules 4 and 5: the code is authorised on the SAR, or inside its granted SCG and not excluded, on the SAR's dates (DOMAIN.md §9.3, §9.4).</summary>
public class ServiceRuleTests
{
    [Fact]
    public void Code_authorised_on_the_sar_pays()
    {
        Verdict.Pays(Check(OfficeVisit(Line("93306"))));
    }

    [Theory]
    [InlineData("99214")]
    [InlineData("80053")]
    [InlineData("J1300")]
    [InlineData(" j1300 ")]
    public void Code_inside_the_granted_scg_pays(string code)
    {
        Verdict.Pays(Check(OfficeVisit(Line(code))));
    }

    [Fact]
    public void Code_neither_on_the_sar_nor_in_its_scg_is_denied_with_rarc_n54_naming_the_scg()
    {
        var anesthesia = Line("00100");

        var finding = Verdict.Only(Check(OfficeVisit(anesthesia)), ClaimRules.ServiceNotAuthorized);

        Assert.Equal(X12Code.RarcN54, finding.Code);
        Assert.Contains("CPT 00100", finding.Message);
        Assert.Contains("SCG 01 Physician services", finding.Message);
        Assert.Contains("field 24D", finding.Fix);
    }

    [Fact]
    public void Sar_without_an_scg_pays_only_its_authorised_codes()
    {
        var facts = Facts().With(PhysicianSar with { Scg = null });

        Verdict.Pays(Check(OfficeVisit(Line("93306")), facts));
        var finding = Verdict.Only(Check(OfficeVisit(Line("99214")), facts), ClaimRules.ServiceNotAuthorized);
        Assert.Contains("grants no SCG", finding.Message);
    }

    [Fact]
    public void Restricted_drug_is_outside_every_scg_and_the_finding_says_so()
    {
        var finding = Verdict.Only(Check(OfficeVisit(Line("J3398"))), ClaimRules.ServiceNotAuthorized);

        Assert.Contains("Luxturna", finding.Message);
        Assert.Contains("authorises only specifically", finding.Message);
    }

    [Fact]
    public void Surgery_is_outside_every_scg_and_the_finding_says_so()
    {
        var finding = Verdict.Only(Check(OfficeVisit(Line("27447"))), ClaimRules.ServiceNotAuthorized);

        Assert.Contains("surgical procedure", finding.Message);
    }

    [Fact]
    public void Surgery_an_scg_may_hold_pays_under_that_scg()
    {
        var orthopedics = PhysicianSar with { Scg = new("07", SarFrom, SarTo) };

        Verdict.Pays(Check(OfficeVisit(Line("29125")), Facts().With(orthopedics)));
    }

    [Fact]
    public void Product_specific_item_is_outside_every_scg_and_the_finding_says_so()
    {
        var finding = Verdict.Only(Check(OfficeVisit(Line("A4253"))), ClaimRules.ServiceNotAuthorized);

        Assert.Contains("diabetic test strips", finding.Message);
        Assert.Contains("product-specific SAR", finding.Message);
    }

    [Fact]
    public void Line_the_decision_did_not_authorise_is_denied_and_says_so()
    {
        var sar = PhysicianSar with
        {
            Scg = null,
            Lines = [.. PhysicianSar.Lines, new SarLineFacts(2, ServiceCodeSystem.Cpt, "93312", LineDisposition.NotAuthorized, 0, null, null, false, null)],
        };

        var finding = Verdict.Only(Check(OfficeVisit(Line("93312")), Facts().With(sar)), ClaimRules.ServiceNotAuthorized);

        Assert.Contains("line 2 (CPT 93312)", finding.Message);
        Assert.Contains("was not authorised", finding.Message);
    }

    [Fact]
    public void Scg_that_is_no_longer_in_force_covers_nothing_and_the_finding_says_so()
    {
        var ophthalmology = PhysicianSar with { Scg = new("10", Instants.Day("2026-05-01"), Instants.Day("2026-12-31")) };
        var facts = Facts().With(ophthalmology);

        Verdict.Pays(Check(OfficeVisit(Line("92004", on: Instants.Day("2026-06-30"))), facts));
        var finding = Verdict.Only(Check(OfficeVisit(Line("92004", on: Instants.Day("2026-07-15"))), facts), ClaimRules.ServiceNotAuthorized);
        Assert.Contains("SCG 10 is not in force on 2026-07-15", finding.Message);
    }

    [Fact]
    public void Supply_code_on_the_sar_matches_the_same_hcpcs_code_on_the_claim()
    {
        var sar = PhysicianSar with { Lines = [new SarLineFacts(1, ServiceCodeSystem.SupplyCode, "a4259", LineDisposition.Authorized, 100, SarFrom, SarTo, false, ProductSpecificItem.Lancets)] };

        Verdict.Pays(Check(OfficeVisit(Line("A4259", units: 100)), Facts().With(sar)));
    }

    [Theory]
    [InlineData("00002821501")]
    [InlineData("00002-8215-01")]
    [InlineData("0002-8215-01")]
    public void Ndc_on_the_sar_matches_the_same_ndc_in_any_of_its_printed_forms(string billed)
    {
        var sar = PhysicianSar with { Scg = null, Lines = [Authorized(1, ServiceCodeSystem.Ndc, "00002-8215-01", 30)] };
        var line = new ClaimLineToCheck { LineNumber = 1, From = ServiceDay, Ndc = billed, Units = 30 };

        Verdict.Pays(Check(OfficeVisit(line), Facts().With(sar)));
    }

    [Fact]
    public void Other_ndc_than_the_sars_is_denied_when_no_scg_holds_drugs()
    {
        var sar = PhysicianSar with { Scg = null, Lines = [Authorized(1, ServiceCodeSystem.Ndc, "00002-8215-01", 30)] };
        var line = new ClaimLineToCheck { LineNumber = 1, From = ServiceDay, Ndc = "00002-8215-17", Units = 30 };

        var finding = Verdict.Only(Check(OfficeVisit(line), Facts().With(sar)), ClaimRules.ServiceNotAuthorized);

        Assert.Contains("NDC 00002821517", finding.Message);
    }

    [Fact]
    public void Claim_line_outside_sar_dates_is_denied_with_carc_197()
    {
        var facts = Facts().With(PhysicianSar with { Scg = null });

        var after = Verdict.Only(Check(OfficeVisit(Line("93306", on: Instants.Day("2026-08-01"))), facts), ClaimRules.OutsideSarDates);
        var before = Verdict.Only(Check(OfficeVisit(Line("93306", on: Instants.Day("2026-01-20"))), facts), ClaimRules.OutsideSarDates);

        Assert.Equal(X12Code.Carc197, after.Code);
        Assert.Contains("Date of service 2026-08-01 is after the end date 2026-07-31 of SAR " + PhysicianSarNumber + " line 1 (CPT 93306)", after.Message);
        Assert.Contains("Date of service 2026-01-20 is before the start date 2026-02-01", before.Message);
        Assert.Contains("extend SAR", after.Fix);
    }

    [Fact]
    public void Date_range_that_runs_past_the_sars_end_is_denied_with_carc_197()
    {
        var line = Line("93306") with { From = Instants.Day("2026-07-30"), To = Instants.Day("2026-08-02") };

        var finding = Verdict.Only(Check(OfficeVisit(line), Facts().With(PhysicianSar with { Scg = null })), ClaimRules.OutsideSarDates);

        Assert.Contains("2026-08-02", finding.Message);
    }

    [Fact]
    public void Dates_on_the_sars_first_and_last_day_pay()
    {
        Verdict.Pays(Check(OfficeVisit(Line("93306") with { From = SarFrom, To = SarTo })));
    }

    [Fact]
    public void Scg_code_outside_the_scg_grant_dates_is_denied_with_carc_197()
    {
        var finding = Verdict.Only(Check(OfficeVisit(Line("99214", on: Instants.Day("2026-08-01")))), ClaimRules.OutsideSarDates);

        Assert.Contains("SCG 01", finding.Message);
    }
}
