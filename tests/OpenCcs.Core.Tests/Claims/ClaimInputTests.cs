using OpenCcs.Core.Claims;
using OpenCcs.Core.Tests.Common;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Bad input becomes findings, and a line lists every rule it fails (issue 4).</summary>
public class ClaimInputTests
{
    [Fact]
    public void Line_without_a_date_or_a_code_gets_findings_for_both()
    {
        var line = new ClaimLineToCheck { LineNumber = 1 };

        var findings = Verdict.Denied(Check(OfficeVisit(line)), ClaimRules.LineDateInvalid, ClaimRules.LineCodeMissing);

        Assert.Equal(X12Code.Carc16, findings[0].Code);
        Assert.Contains("no date of service", findings[0].Message);
        Assert.Contains("field 24A", findings[0].Fix);
        Assert.Contains("field 24D", findings[1].Fix);
    }

    [Fact]
    public void Line_whose_last_date_is_before_its_first_is_denied()
    {
        var line = Line() with { To = ServiceDay.AddDays(-1) };

        var finding = Verdict.Only(Check(OfficeVisit(line)), ClaimRules.LineDateInvalid);

        Assert.Contains("before its first", finding.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Line_without_units_is_denied(int units)
    {
        Verdict.Only(Check(OfficeVisit(Line(units: units))), ClaimRules.UnitsInvalid);
    }

    [Fact]
    public void Line_failing_several_independent_rules_lists_all_of_them()
    {
        var claim = OfficeVisit(Line("93306", units: 3)) with { MemberId = "12345", RenderingNpi = NotPaneled };

        Verdict.Denied(Check(claim), ClaimRules.CinInvalid, ClaimRules.ProviderNotPaneled, ClaimRules.UnitsExceeded);
    }

    [Fact]
    public void Pharmacy_line_failing_several_rules_lists_all_of_them()
    {
        var claim = OfficeVisit(Line("27447")) with { Form = ClaimForm.Pharmacy, Bin = "004336", BillingNpi = Laboratory, MemberId = null };

        Verdict.Denied(Check(claim), ClaimRules.CinInvalid, ClaimRules.BinWrong, ClaimRules.ServiceNotAuthorized, ClaimRules.ProviderNotAuthorized);
    }

    [Fact]
    public void Missing_sar_skips_the_rules_that_compare_with_it_but_not_the_independent_ones()
    {
        var claim = OfficeVisit(Line("27447", units: 99)) with { PriorAuthorization = null, MemberId = "12345", RenderingNpi = NotPaneled };

        Verdict.Denied(Check(claim), ClaimRules.CinInvalid, ClaimRules.ProviderNotPaneled, ClaimRules.SarMissing);
    }

    [Fact]
    public void Sar_not_found_skips_the_rules_that_compare_with_it_but_not_the_independent_ones()
    {
        var claim = OfficeVisit(Line("27447", units: 99)) with { PriorAuthorization = SarNumberFor(999), Form = ClaimForm.Pharmacy, Bin = "1" };

        Verdict.Denied(Check(claim), ClaimRules.BinWrong, ClaimRules.SarNotFound);
    }

    [Fact]
    public void Each_line_is_judged_on_its_own()
    {
        var result = Check(OfficeVisit(Line("99214", 1), Line("27447", 2) with { SegmentNumber = 7 }));

        Assert.True(result.Lines[0].Pays);
        Assert.False(result.Pays);
        Verdict.DeniedLine(result, 1, ClaimRules.ServiceNotAuthorized);
        Assert.Equal(2, result.Lines[1].LineNumber);
        Assert.Equal(7, result.Lines[1].SegmentNumber);
        Assert.Equal("PCN-1", result.Reference);
    }

    [Fact]
    public void Claim_without_lines_pays_nothing()
    {
        var result = Check(OfficeVisit() with { Lines = [] });

        Assert.Empty(result.Lines);
        Assert.False(result.Pays);
    }

    [Fact]
    public void Empty_line_in_the_list_is_a_finding_not_an_exception()
    {
        var result = Check(OfficeVisit() with { Lines = [Line(), null!] });

        Assert.True(result.Lines[0].Pays);
        Assert.Equal(2, result.Lines[1].LineNumber);
        Verdict.DeniedLine(result, 1, ClaimRules.LineCodeMissing);
    }

    [Fact]
    public void Finding_texts_read_the_same_in_any_culture()
    {
        var claim = OfficeVisit(Line("99214", on: Instants.Day("2026-08-01")));
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("th-TH");

            var finding = Verdict.Only(Check(claim), ClaimRules.OutsideSarDates);

            Assert.Contains("2026-08-01", finding.Message);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
