using OpenCcs.Core.Claims;
using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

public sealed class ClaimCheckMappingTests
{
    private static ClaimToCheck MapOne(string guide, params string[] claimSegments)
    {
        var batch = X12Text.Read(X12Text.Interchange(guide, X12Text.ProfessionalBody(claimSegments)));
        return Assert.Single(batch.Claims).ToClaimToCheck();
    }

    [Fact]
    public void A_professional_claim_carries_member_providers_and_sar_numbers_at_claim_and_line_level()
    {
        var claim = MapOne(X12Text.Professional,
            "CLM*P1*30***11:B:1*Y*A*Y*Y", "REF*G1*1900000123",
            "NM1*DN*1*LEE*SAM****XX*1111111112", "NM1*82*1*PATEL*RIA****XX*2222222224",
            "LX*1", "SV1*HC:99213:25*10*UN*2***1", "DTP*472*D8*20260105",
            "LX*2", "SV1*HC:94640*20*UN*1*22**1", "DTP*472*RD8*20260106-20260108", "REF*G1*1900000456",
            "NM1*82*1*KIM*JO****XX*3333333336", "NM1*DN*1*WU*AL****XX*4444444448");

        Assert.Equal(ClaimForm.Professional, claim.Form);
        Assert.Equal("P1", claim.Reference);
        Assert.Equal("91234567A", claim.MemberId);
        Assert.Equal("1234567893", claim.BillingNpi);
        Assert.Equal("2222222224", claim.RenderingNpi);
        Assert.Equal("1111111112", claim.ReferringNpi);
        Assert.Equal("1900000123", claim.PriorAuthorization);
        Assert.False(claim.Emergency);

        var (first, second) = (claim.Lines[0], claim.Lines[1]);
        Assert.Equal((1, new DateOnly(2026, 1, 5), (DateOnly?)null), (first.LineNumber, first.From, first.To));
        Assert.Equal("99213", first.ProcedureCode);
        Assert.Equal(["25"], first.Modifiers);
        Assert.Equal(2m, first.Units);
        Assert.Equal("11", first.PlaceOfService);
        Assert.Null(first.PriorAuthorization);
        Assert.Null(first.RenderingNpi);
        Assert.Null(first.ReferringNpi);
        Assert.Equal(17, first.SegmentNumber);

        Assert.Equal((2, new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 8)), (second.LineNumber, second.From, second.To));
        Assert.Equal("22", second.PlaceOfService);
        Assert.Equal("1900000456", second.PriorAuthorization);
        Assert.Equal("3333333336", second.RenderingNpi);
        Assert.Equal("4444444448", second.ReferringNpi);
        Assert.Equal(20, second.SegmentNumber);
    }

    [Fact]
    public void An_emergency_line_excuses_only_itself_not_the_claims_other_lines()
    {
        var claim = MapOne(X12Text.Professional,
            "CLM*P1*30***23:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99284*10*UN*1***1**Y", "LX*2", "SV1*HC:99285*20*UN*1***1");

        Assert.False(claim.Emergency);
        Assert.Equal([true, false], claim.Lines.Select(l => l.Emergency));
        Assert.Null(claim.PriorAuthorization);
    }

    [Fact]
    public void An_institutional_line_without_dtp_472_took_place_in_the_statement_period()
    {
        var claim = MapOne(X12Text.Institutional,
            "CLM*I1*920***11:A:1*Y*A*Y*Y", "DTP*434*RD8*20260301-20260305", "CL1*2*1*01",
            "LX*1", "SV2*0174**900*DA*5", "LX*2", "SV2*0300*HC:85025*20*UN*1", "DTP*472*D8*20260302");

        Assert.Equal(
            [(new DateOnly(2026, 3, 1), (DateOnly?)new DateOnly(2026, 3, 5)), (new DateOnly(2026, 3, 2), null)],
            claim.Lines.Select(l => (l.From!.Value, l.To)));
    }

    [Theory]
    [InlineData("0681", true)]
    [InlineData("0684", true)]
    [InlineData("0689", true)]
    [InlineData("681", true)]
    [InlineData("0450", false)]
    [InlineData("0068", false)]
    public void An_institutional_claim_billing_a_trauma_response_revenue_code_is_trauma_care(string revenueCode, bool trauma)
    {
        var claim = MapOne(X12Text.Institutional,
            "CLM*I1*900***13:A:1*Y*A*Y*Y", "CL1*1*7*01", "LX*1", "SV2*0450*HC:99285*400*UN*1", "DTP*472*D8*20260301",
            "LX*2", $"SV2*{revenueCode}**500*UN*1", "DTP*472*D8*20260301");

        Assert.Equal(trauma, claim.Trauma);
    }

    [Fact]
    public void A_professional_claim_is_never_marked_trauma_care()
    {
        var claim = MapOne(X12Text.Professional, "CLM*P1*10***23:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99285*10*UN*1***1");

        Assert.False(claim.Trauma);
    }

    [Fact]
    public void A_professional_line_without_a_date_has_none()
    {
        var claim = MapOne(X12Text.Professional, "CLM*P1*10***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99213*10*UN*1***1");

        Assert.Null(Assert.Single(claim.Lines).From);
    }

    [Fact]
    public void Only_hc_procedure_codes_are_service_codes()
    {
        var claim = MapOne(X12Text.Professional, "CLM*P1*10***11:B:1*Y*A*Y*Y", "LX*1", "SV1*ER:X123*10*UN*1***1");

        var line = Assert.Single(claim.Lines);
        Assert.Null(line.ProcedureCode);
    }

    [Fact]
    public void A_line_without_units_is_checked_as_one_unit()
    {
        var claim = MapOne(X12Text.Professional, "CLM*P1*10***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99213*10*UN****1");

        Assert.Equal(1m, Assert.Single(claim.Lines).Units);
    }

    [Fact]
    public void Tr3_drug_example_maps_the_ndc_of_each_lin_n4()
    {
        var claim = Assert.Single(TestData.Read("linuxforhealth-x12/837_005010X222A2/demo.drug.example10.2.837").Claims).ToClaimToCheck();

        Assert.Equal(ClaimForm.Professional, claim.Form);
        Assert.Equal("MBRID01234", claim.MemberId);
        Assert.Equal("1234567893", claim.BillingNpi);
        Assert.Equal([null, "00004196501", "63323024910", "00338004938", "08290033010", "08290038005"], claim.Lines.Select(l => l.Ndc));
        Assert.Equal(["S9500", "S5001", "S5000", "S5000", "S5000", "S5000"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.All(claim.Lines, l => Assert.Equal((new DateOnly(2004, 2, 1), new DateOnly(2004, 2, 7)), (l.From!.Value, l.To!.Value)));
        Assert.Equal([7m, 7m, 14m, 7m, 14m, 7m], claim.Lines.Select(l => l.Units));
        Assert.All(claim.Lines, l => Assert.Equal("12", l.PlaceOfService));
    }

    [Fact]
    public void Tr3_institutional_claim_maps_revenue_codes_and_has_no_place_of_service()
    {
        var claim = Assert.Single(TestData.Read("linuxforhealth-x12/837_005010X223A3/institutional-claim.837i").Claims).ToClaimToCheck();

        Assert.Equal(ClaimForm.Institutional, claim.Form);
        Assert.Equal("756048Q", claim.Reference);
        Assert.Equal("030005074A", claim.MemberId);
        Assert.Equal("9876540809", claim.BillingNpi);
        Assert.False(claim.Emergency);
        Assert.Equal(["0305", "0730"], claim.Lines.Select(l => l.RevenueCode));
        Assert.Equal(["85025", "93005"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.Equal([1m, 3m], claim.Lines.Select(l => l.Units));
        Assert.All(claim.Lines, l => Assert.Null(l.PlaceOfService));
        Assert.All(claim.Lines, l => Assert.Equal(new DateOnly(1996, 9, 11), l.From));
    }

    [Fact]
    public void Institutional_admission_type_1_is_an_emergency_claim()
    {
        var batch = X12Text.Read(X12Text.Interchange(X12Text.Institutional, X12Text.ProfessionalBody(
            "CLM*I1*500***13:A:1*Y*A*Y*Y", "CL1*1*7*01", "LX*1", "SV2*0450*HC:99284*500*UN*1", "DTP*472*D8*20260101")));

        var claim = Assert.Single(batch.Claims).ToClaimToCheck();

        Assert.Equal(ClaimForm.Institutional, claim.Form);
        Assert.True(claim.Emergency);
        Assert.Null(Assert.Single(claim.Lines).PlaceOfService);
    }

    [Fact]
    public void The_patient_is_the_member_when_a_patient_loop_is_sent()
    {
        var claim = Assert.Single(TestData.Read("linuxforhealth-x12/837_005010X222A2/demo.example1.837").Claims).ToClaimToCheck();

        // 5010 loop 2010CA carries no id: the subscriber's id belongs to someone else and is not used.
        Assert.Null(claim.MemberId);
        Assert.Equal("26463774", claim.Reference);
        Assert.Equal(4, claim.Lines.Count);
    }

    [Fact]
    public void Every_837_file_in_testdata_maps_or_fails_with_the_readers_error()
    {
        foreach (var path in TestData.Find837Files())
        {
            try
            {
                using var reader = new Claim837Reader(File.OpenRead(path));
                foreach (var claim in reader.ReadClaims())
                {
                    var mapped = claim.ToClaimToCheck();
                    Assert.Equal(claim.Lines.Count, mapped.Lines.Count);
                    Assert.Equal(claim.Lines.Select(l => (int?)l.SegmentNumber), mapped.Lines.Select(l => l.SegmentNumber));
                }
            }
            catch (X12Exception e)
            {
                Assert.StartsWith("Segment ", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_4010_institutional_batch_keeps_each_claims_prior_authorization()
    {
        var read = TestData.Read("oopfactory-x12/_837I/_4010/FromSwreed/Batch1.txt").Claims;
        var claims = read.Select(c => c.ToClaimToCheck()).ToList();

        Assert.All(claims, c => Assert.Equal(ClaimForm.Institutional, c.Form));
        Assert.Equal(read.Select(c => c.PriorAuthorization), claims.Select(c => c.PriorAuthorization));
        Assert.Equal(6, claims.Count(c => c.PriorAuthorization is not null));
        Assert.Equal(182, claims.Sum(c => c.Lines.Count));
    }
}
