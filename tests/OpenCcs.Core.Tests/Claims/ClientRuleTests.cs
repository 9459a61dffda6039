using OpenCcs.Core.Claims;
using OpenCcs.Core.Tests.Common;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Rule 1 and the client half of rule 3: the CIN, the BIC ID, the CIN that covers the date, the SAR's child (DOMAIN.md §9.1, §9.3).</summary>
public class ClientRuleTests
{
    [Fact]
    public void Claim_with_the_childs_cin_pays()
    {
        Verdict.Pays(Check(OfficeVisit()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("81234567A")]
    [InlineData("9123456A")]
    [InlineData("912345678")]
    [InlineData("91234567AB")]
    [InlineData("9123A567B")]
    public void Cin_that_is_not_9_then_seven_digits_and_a_letter_is_denied_with_carc_31(string? memberId)
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { MemberId = memberId }), ClaimRules.CinInvalid);

        Assert.Equal(X12Code.Carc31, finding.Code);
        Assert.Contains("field 1a", finding.Fix);
        Assert.Contains("NM1*IL", finding.Fix);
    }

    [Fact]
    public void Cin_finding_quotes_what_was_entered()
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { MemberId = "81234567A" }), ClaimRules.CinInvalid);

        Assert.Contains("'81234567A' is not a CIN", finding.Message);
    }

    [Theory]
    [InlineData(BicIdNow)]
    [InlineData(" 91234567a ")]
    public void Bic_id_and_lower_case_cin_are_reduced_to_the_cin(string memberId)
    {
        Verdict.Pays(Check(OfficeVisit() with { MemberId = memberId }));
    }

    [Fact]
    public void Earlier_cin_of_the_child_is_denied_for_a_date_the_new_cin_covers_and_names_the_cin_to_use()
    {
        var finding = Verdict.Only(Check(OfficeVisit() with { MemberId = CinBefore }), ClaimRules.CinNotForDate);

        Assert.Equal(X12Code.Carc31, finding.Code);
        Assert.Contains($"CIN {CinNow} covers that date", finding.Message);
        Assert.Contains(CinNow, finding.Fix);
    }

    [Fact]
    public void Cin_that_covers_the_date_of_service_is_the_one_used()
    {
        var before = Instants.Day("2025-12-15");
        var sar = PhysicianSar with { Scg = new("01", Instants.Day("2025-10-01"), SarTo) };
        var facts = Facts().With(sar);

        Verdict.Pays(Check(OfficeVisit(Line(on: before)) with { MemberId = CinBefore }, facts));
        var finding = Verdict.Only(Check(OfficeVisit(Line(on: before)), facts), ClaimRules.CinNotForDate);
        Assert.Contains($"CIN {CinBefore} covers that date", finding.Message);
    }

    [Fact]
    public void Sar_for_another_child_is_denied_with_carc_197_and_nothing_about_its_lines()
    {
        var surgeryNotOnTheSar = Line("27447");

        var finding = Verdict.Only(Check(OfficeVisit(surgeryNotOnTheSar) with { MemberId = OtherChildsCin }), ClaimRules.SarOtherClient);

        Assert.Equal(X12Code.Carc197, finding.Code);
        Assert.Contains("another child", finding.Message);
    }

    [Fact]
    public void Invalid_cin_still_lets_the_sar_rules_speak()
    {
        var result = Check(OfficeVisit(Line("27447")) with { MemberId = "X" });

        Verdict.Denied(result, ClaimRules.CinInvalid, ClaimRules.ServiceNotAuthorized);
    }
}
