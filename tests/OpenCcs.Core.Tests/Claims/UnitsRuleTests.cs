using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Rule 8: units within what was authorised, counting earlier lines of the run; product-specific items by their own code (DOMAIN.md §9.7).</summary>
public class UnitsRuleTests
{
    [Fact]
    public void Units_within_the_authorised_pay()
    {
        Verdict.Pays(Check(OfficeVisit(Line("93306", units: 2))));
    }

    [Fact]
    public void Units_beyond_the_authorised_are_denied_with_carc_198()
    {
        var finding = Verdict.Only(Check(OfficeVisit(Line("93306", units: 3))), ClaimRules.UnitsExceeded);

        Assert.Equal(X12Code.Carc198, finding.Code);
        Assert.Contains("bills 3 units of CPT 93306", finding.Message);
        Assert.Contains("authorised 2", finding.Message);
        Assert.Contains("at most 2 units", finding.Fix);
        Assert.Contains("field 24G", finding.Fix);
    }

    [Fact]
    public void Units_count_earlier_lines_of_the_same_claim()
    {
        var result = Check(OfficeVisit(Line("93306", 1), Line("93306", 2, units: 2)));

        Assert.True(result.Lines[0].Pays);
        var finding = Verdict.DeniedLine(result, 1, ClaimRules.UnitsExceeded)[0];
        Assert.Contains("1 unit was billed on earlier lines, leaving 1 unit.", finding.Message);
        Assert.Contains("Bill at most 1 unit in", finding.Fix);
    }

    [Fact]
    public void A_line_billed_after_the_units_are_used_up_is_told_nothing_is_left()
    {
        var result = Check(OfficeVisit(Line("93306", 1, units: 2), Line("93306", 2, units: 1)));

        var finding = Verdict.DeniedLine(result, 1, ClaimRules.UnitsExceeded)[0];
        Assert.Contains("bills 1 unit of CPT 93306", finding.Message);
        Assert.Contains("Nothing is left to bill", finding.Fix);
    }

    [Fact]
    public void Units_count_earlier_claims_of_the_same_run()
    {
        var facts = Facts();
        var run = new SarUsage();

        Verdict.Pays(Check(OfficeVisit(Line("93306", units: 2)), facts, run));
        Verdict.Only(Check(OfficeVisit(Line("93306")), facts, run), ClaimRules.UnitsExceeded);
        Verdict.Pays(Check(OfficeVisit(Line("93306")), facts, new SarUsage()));
    }

    [Fact]
    public void Denied_line_leaves_its_units_for_the_next()
    {
        var result = Check(OfficeVisit(Line("93306", 1, units: 3), Line("93306", 2, units: 2)));

        Verdict.DeniedLine(result, 0, ClaimRules.UnitsExceeded);
        Assert.True(result.Lines[1].Pays);
    }

    [Fact]
    public void Second_authorised_line_for_the_same_code_takes_the_units_the_first_has_no_more_of()
    {
        var sar = PhysicianSar with { Lines = [.. PhysicianSar.Lines, Authorized(2, ServiceCodeSystem.Cpt, "93306", 1)] };
        var run = new SarUsage();

        var result = Check(OfficeVisit(Line("93306", 1, units: 2), Line("93306", 2)), Facts().With(sar), run);

        Verdict.Pays(result);
        Assert.Equal(2, run.UsedOn(PhysicianSarNumber, 1));
        Assert.Equal(1, run.UsedOn(PhysicianSarNumber, 2));
    }

    [Fact]
    public void Codes_the_scg_covers_have_no_unit_limit()
    {
        Verdict.Pays(Check(OfficeVisit(Line("99214", units: 500))));
    }

    [Fact]
    public void Product_specific_item_must_be_billed_with_the_code_on_the_sar()
    {
        var strips = Sar(20, SarType.ProductSpecific, Physician,
            new SarLineFacts(1, ServiceCodeSystem.Ndc, "65702-0100-10", LineDisposition.Authorized, 200, SarFrom, SarTo, false, ProductSpecificItem.DiabeticTestStrips));
        var facts = Facts().With(strips);
        ClaimToCheck Billing(ClaimLineToCheck line) => OfficeVisit(line) with { PriorAuthorization = strips.Number };

        Verdict.Pays(Check(Billing(new ClaimLineToCheck { LineNumber = 1, From = ServiceDay, Ndc = "65702010010", Units = 100 }), facts));
        var finding = Verdict.Only(Check(Billing(Line("A4253", units: 100)), facts), ClaimRules.ProductMismatch);
        Assert.Equal(X12Code.RarcN54, finding.Code);
        Assert.Contains("diabetic test strips only as NDC 65702010010", finding.Message);
        Assert.Contains("HCPCS A4253", finding.Message);
    }

    [Fact]
    public void Product_specific_item_of_the_kind_on_the_sar_but_another_code_is_a_mismatch()
    {
        var sar = PhysicianSar with
        {
            Lines = [.. PhysicianSar.Lines, new SarLineFacts(2, ServiceCodeSystem.Ndc, "08290-3289-11", LineDisposition.Authorized, 100, SarFrom, SarTo, false, ProductSpecificItem.InsulinSyringes)],
        };

        var finding = Verdict.Only(Check(OfficeVisit(Line("A4206", units: 10)), Facts().With(sar)), ClaimRules.ProductMismatch);

        Assert.Contains("insulin syringes only as NDC 08290328911", finding.Message);
    }
}
