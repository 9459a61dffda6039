using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Rules 2 and 3: a SAR number on the claim, of a SAR that exists and is approved (DOMAIN.md §9.2, §9.3).</summary>
public class SarNumberRuleTests
{
    [Fact]
    public void Sar_number_missing_denies_with_carc_15_unless_emergency()
    {
        var noSar = OfficeVisit() with { PriorAuthorization = null };

        var finding = Verdict.Only(Check(noSar), ClaimRules.SarMissing);
        Assert.Equal(X12Code.Carc15, finding.Code);
        Assert.Contains("field 23", finding.Fix);
        Assert.Contains("REF*G1", finding.Fix);
        Verdict.Pays(Check(noSar with { Emergency = true }));
        Verdict.Pays(Check(noSar with { Lines = [Line() with { Emergency = true }] }));
    }

    [Fact]
    public void An_emergency_line_needs_no_sar_but_the_claims_other_lines_still_do()
    {
        var claim = OfficeVisit(Line("99284", 1) with { Emergency = true }, Line("99213", 2)) with { PriorAuthorization = null };

        var result = Check(claim);

        Assert.Empty(result.Lines[0].Findings);
        Verdict.DeniedLine(result, 1, ClaimRules.SarMissing);
    }

    [Fact]
    public void Emergency_claim_that_names_a_sar_is_checked_against_it()
    {
        var claim = OfficeVisit(Line("27447")) with { Emergency = true };

        Verdict.Only(Check(claim), ClaimRules.ServiceNotAuthorized);
        Verdict.Only(Check(claim with { PriorAuthorization = "nonsense" }), ClaimRules.SarInvalid);
    }

    [Fact]
    public void Sar_number_missing_on_an_institutional_claim_names_the_ub04_field()
    {
        var claim = OfficeVisit() with { Form = ClaimForm.Institutional, PriorAuthorization = "  " };

        var finding = Verdict.Only(Check(claim), ClaimRules.SarMissing);

        Assert.Contains("UB-04 FL 63", finding.Fix);
    }

    [Theory]
    [InlineData("1900000001")]
    [InlineData("190000000100")]
    [InlineData("1900000001X")]
    [InlineData("99000000013")]
    [InlineData("SAR-123")]
    public void Sar_number_that_is_not_one_denies_with_carc_15(string entered)
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { PriorAuthorization = entered }), ClaimRules.SarInvalid);

        Assert.Equal(X12Code.Carc15, finding.Code);
        Assert.Contains($"'{entered}' is not a SAR number", finding.Message);
    }

    [Fact]
    public void Sar_number_with_a_wrong_check_digit_denies_with_carc_15()
    {
        var number = PhysicianSarNumber;
        var wrongCheckDigit = number[..10] + (char)('0' + (number[10] - '0' + 1) % 10);

        Verdict.Only(Check(OfficeVisit() with { PriorAuthorization = wrongCheckDigit }), ClaimRules.SarInvalid);
    }

    [Fact]
    public void Sar_that_does_not_exist_denies_with_carc_197()
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { PriorAuthorization = SarNumberFor(999) }), ClaimRules.SarNotFound);

        Assert.Equal(X12Code.Carc197, finding.Code);
        Assert.Contains(SarNumberFor(999), finding.Message);
    }

    [Theory]
    [InlineData(SarStatus.Submitted, "not yet decided")]
    [InlineData(SarStatus.InReview, "in review")]
    [InlineData(SarStatus.PendedForInformation, "pended")]
    [InlineData(SarStatus.Denied, "denied")]
    [InlineData(SarStatus.Cancelled, "cancelled")]
    public void Sar_that_is_not_approved_denies_with_carc_197(SarStatus status, string said)
    {
        var facts = Facts().With(PhysicianSar with { Status = status });

        var finding = Verdict.Only(Check(OfficeVisit(Line("27447")), facts), ClaimRules.SarNotApproved);

        Assert.Equal(X12Code.Carc197, finding.Code);
        Assert.Contains(said, finding.Message);
    }

    [Fact]
    public void Modified_sar_is_approved_and_pays()
    {
        Verdict.Pays(Check(OfficeVisit(), Facts().With(PhysicianSar with { Status = SarStatus.Modified })));
    }

    [Fact]
    public void Line_sar_number_overrides_the_claims()
    {
        var goodOnLine = OfficeVisit(Line() with { PriorAuthorization = PhysicianSarNumber }) with { PriorAuthorization = "nonsense" };
        var unknownOnLine = OfficeVisit(Line() with { PriorAuthorization = SarNumberFor(999) });

        Verdict.Pays(Check(goodOnLine));
        Verdict.Only(Check(unknownOnLine), ClaimRules.SarNotFound);
    }

    [Fact]
    public void Sar_is_looked_up_once_for_all_lines_that_name_it()
    {
        var facts = Facts();

        Verdict.Pays(Check(OfficeVisit(Line(number: 1), Line(number: 2), Line("93306", 3)), facts));

        Assert.Equal(1, facts.SarLookups);
    }
}
