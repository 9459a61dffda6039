using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

/// <summary>Every 837 file in shared/testdata, with facts taken from SOURCES.md and the files themselves.</summary>
public sealed class TestDataFileTests
{
    private static readonly string[] Covered =
    [
        "linuxforhealth-x12/837_005010X222A2/demo.example1.837",
        "linuxforhealth-x12/837_005010X222A2/demo.example11.837",
        "linuxforhealth-x12/837_005010X222A2/demo.ambulance.example5.837",
        "linuxforhealth-x12/837_005010X222A2/demo.drug.example10.2.837",
        "linuxforhealth-x12/837_005010X223A3/institutional-claim.837i",
        "linuxforhealth-x12/837_005010X223A3/two-claims-single-provider.837i",
        "imsweb-x12-parser/837_5010/x12_complex.txt",
        "imsweb-x12-parser/837_5010/x12_many_claims.txt",
        "imsweb-x12-parser/837_5010/x223-test.txt",
        "imsweb-x12-parser/837_5010/x12_valid_different_separators.txt",
        "oopfactory-x12/_837P/_5010/MedicaidExample.txt",
        "oopfactory-x12/_837P/_5010/Example1_2_And_3_Combined.txt",
        "oopfactory-x12/_837I/_4010/FromSwreed/Batch1.txt",
        "staedi/sample837-original.edi",
    ];

    [Fact]
    public void Every_837_file_in_testdata_has_a_test()
    {
        var found = TestData.Find837Files().Select(TestData.Relative).Order().ToArray();
        Assert.Equal(Covered.Order().ToArray(), found);
    }

    [Fact]
    public void Tr3_example_1_reads_four_lines_for_a_dependent_patient()
    {
        var batch = TestData.Read("linuxforhealth-x12/837_005010X222A2/demo.example1.837");

        Assert.Empty(batch.Issues);
        var claim = Assert.Single(batch.Claims);
        Assert.Equal(ClaimKind.Professional, claim.Kind);
        Assert.Equal("005010X222A2", claim.ImplementationGuide);
        Assert.Equal("26463774", claim.PatientControlNumber);
        Assert.Equal(100.00m, claim.TotalCharge);
        Assert.Equal("11", claim.FacilityCode);
        Assert.Equal("1", claim.FrequencyCode);
        Assert.Equal("1912301953", claim.BillingProvider?.Npi);
        Assert.Equal("JS00111223333", claim.Subscriber?.MemberId);
        Assert.Equal("TED", claim.Patient?.FirstName);
        Assert.Equal(new DateOnly(1973, 5, 1), claim.Patient?.BirthDate);
        Assert.Same(claim.Patient, claim.Member);
        Assert.Equal(["BK:0340", "BF:V7389"], claim.Diagnoses.Select(d => $"{d.Qualifier}:{d.Code}"));
        Assert.Equal(DiagnosisCodeSet.Icd9Cm, claim.PrincipalDiagnosis?.CodeSet);
        Assert.Equal(["99213", "87070", "99214", "86663"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.Equal(
            [new DateOnly(2006, 10, 3), new DateOnly(2006, 10, 3), new DateOnly(2006, 10, 10), new DateOnly(2006, 10, 10)],
            claim.Lines.Select(l => l.ServiceDate!.Value.From));
        Assert.All(claim.Lines, l => Assert.True(l.ServiceDate!.Value.IsSingleDay));
        Assert.Equal([2], claim.Lines[2].DiagnosisPointers);
        Assert.False(claim.IsEmergency);
        Assert.Empty(claim.Problems);
    }

    [Fact]
    public void Example_11_uses_the_component_separator_the_body_uses_when_isa16_disagrees()
    {
        var batch = TestData.Read("linuxforhealth-x12/837_005010X222A2/demo.example11.837");

        var issue = Assert.Single(batch.Issues);
        Assert.Equal(21, issue.SegmentNumber);
        Assert.Equal("CLM", issue.SegmentId);
        Assert.Contains("ISA16 declares ':'", issue.Message);
        Assert.Contains("uses '>'", issue.Message);
        var claim = Assert.Single(batch.Claims);
        Assert.Equal("11", claim.FacilityCode);
        Assert.Equal(["E0570", "A7003"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.Equal(["RR"], claim.Lines[0].Modifiers);
        Assert.Equal(["NU"], claim.Lines[1].Modifiers);
        Assert.Equal([1, 2], claim.Lines[0].DiagnosisPointers);
        Assert.Equal(["BK:496", "BF:25000"], claim.Diagnoses.Select(d => $"{d.Qualifier}:{d.Code}"));
        Assert.Equal("9988776655", claim.ReferringProvider?.Npi);
        Assert.Equal("DOE", claim.ReferringProvider?.LastOrOrganizationName);
        Assert.Equal("1122334455", claim.RenderingProvider?.Npi);
        Assert.Empty(claim.Problems);
    }

    [Fact]
    public void Ambulance_example_lines_are_emergencies_from_sv1_09()
    {
        var claim = Assert.Single(TestData.Read("linuxforhealth-x12/837_005010X222A2/demo.ambulance.example5.837").Claims);

        Assert.Equal(["A0427", "A0425", "A0422", "A0382"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.All(claim.Lines, l => Assert.Equal(["RH"], l.Modifiers));
        Assert.All(claim.Lines, l => Assert.True(l.Emergency));
        Assert.True(claim.IsEmergency);
        Assert.Equal(21.00m, claim.Lines[1].Units);
        Assert.Equal("41", claim.FacilityCode);
        Assert.Equal(766.50m, claim.TotalCharge);
        Assert.Equal("2366554859", claim.BillingProvider?.Npi);
        Assert.Null(claim.Patient);
        Assert.Same(claim.Subscriber, claim.Member);
        Assert.Equal(4, claim.Diagnoses.Count);
    }

    [Fact]
    public void Drug_example_reads_ndc_quantity_and_ordering_provider_per_line()
    {
        var claim = Assert.Single(TestData.Read("linuxforhealth-x12/837_005010X222A2/demo.drug.example10.2.837").Claims);

        Assert.Equal(6, claim.Lines.Count);
        Assert.Equal(["S9500", "S5001", "S5000", "S5000", "S5000", "S5000"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.Null(claim.Lines[0].Drug);
        Assert.Equal(
            ["00004196501", "63323024910", "00338004938", "08290033010", "08290038005"],
            claim.Lines.Skip(1).Select(l => l.Drug?.Ndc));
        Assert.Equal(14.00m, claim.Lines[2].Drug?.Quantity);
        Assert.Equal("UN", claim.Lines[2].Drug?.UnitCode);
        Assert.All(claim.Lines, l => Assert.Equal("1112223338", l.OrderingProvider?.Npi));
        Assert.All(claim.Lines, l => Assert.Equal(new DateRange(new(2004, 2, 1), new(2004, 2, 7)), l.ServiceDate));
        Assert.Equal("12", claim.Lines[0].PlaceOfService);
        Assert.Equal("MBRID01234", claim.Subscriber?.MemberId);
    }

    [Fact]
    public void Institutional_claim_reads_revenue_codes_and_statement_dates()
    {
        var batch = TestData.Read("linuxforhealth-x12/837_005010X223A3/institutional-claim.837i");

        Assert.Empty(batch.Issues);
        var claim = Assert.Single(batch.Claims);
        Assert.Equal(ClaimKind.Institutional, claim.Kind);
        Assert.Equal("14", claim.FacilityCode);
        Assert.Equal("A", claim.FacilityCodeQualifier);
        Assert.Equal(new DateRange(new(1996, 9, 11), new(1996, 9, 11)), claim.StatementPeriod);
        Assert.Equal("3", claim.AdmissionTypeCode);
        Assert.False(claim.IsEmergency);
        Assert.Equal(["BK:3669", "BF:4019", "BF:79431"], claim.Diagnoses.Select(d => $"{d.Qualifier}:{d.Code}"));
        Assert.Equal("JONES", claim.AttendingProvider?.LastOrOrganizationName);
        Assert.Equal(["0305", "0730"], claim.Lines.Select(l => l.RevenueCode));
        Assert.Equal(["85025", "93005"], claim.Lines.Select(l => l.ProcedureCode));
        Assert.Equal(3.00m, claim.Lines[1].Units);
        Assert.Equal(76.54m, claim.Lines[1].Charge);
        Assert.Equal("030005074A", claim.Subscriber?.MemberId);
    }

    [Fact]
    public void Two_institutional_claims_share_one_billing_provider()
    {
        var batch = TestData.Read("linuxforhealth-x12/837_005010X223A3/two-claims-single-provider.837i");

        Assert.Empty(batch.Issues);
        Assert.Equal(2, batch.Claims.Count);
        Assert.Equal(3, batch.Claims.Sum(c => c.Lines.Count));
        Assert.All(batch.Claims, c => Assert.Equal("1234567890", c.BillingProvider?.Npi));
        Assert.Equal(["030005074", "123405074"], batch.Claims.Select(c => c.Subscriber?.MemberId));
        Assert.All(batch.Claims, c => Assert.True(c.IsEmergency)); // CL1*1: emergency admission
        Assert.Equal("85087", batch.Claims[1].Lines.Single().ProcedureCode);
    }

    [Fact]
    public void Complex_file_reads_both_interchanges_and_records_the_malformed_hi_per_claim()
    {
        var batch = TestData.Read("imsweb-x12-parser/837_5010/x12_complex.txt");

        Assert.Equal(6, batch.Claims.Count);
        Assert.Equal(10, batch.Claims.Sum(c => c.Lines.Count));
        Assert.Contains(batch.Issues, i => i.SegmentNumber == 149 && i.SegmentId == "SE" && i.Message.Contains("SE01 says 25"));
        Assert.Contains(batch.Issues, i => i.SegmentId == "GE" && i.Message.Contains("GE01 says 1, but group 1 has 2 transaction sets"));
        Assert.All(batch.Claims, c => Assert.Empty(c.Diagnoses));
        Assert.All(batch.Claims, c => Assert.Contains(c.Problems, p => p.SegmentId == "HI"));
        Assert.Equal(28, batch.Claims[0].Problems[0].SegmentNumber);

        var first = batch.Claims[0];
        Assert.Equal("WELBY", first.ReferringProvider?.LastOrOrganizationName);
        Assert.Equal("2310B1", first.RenderingProvider?.LastOrOrganizationName);
        Assert.Equal(["PELBY", "VELBY"], first.Lines[0].ReferringProviders.Select(p => p.LastOrOrganizationName));
        Assert.Equal("3920293", first.Lines[0].Drug?.Ndc);

        var second = batch.Claims[1];
        Assert.Equal("STEVEN", second.Patient?.FirstName);
        Assert.Equal("478331", second.Lines[0].ProcedureCode);
        Assert.Equal("303304", second.Lines[0].OrderingProvider?.Npi);
        Assert.Equal("2420A", second.Lines[0].RenderingProvider?.LastOrOrganizationName);
        Assert.Equal([1, 2, 3], second.Lines[0].DiagnosisPointers);
        Assert.Equal(2, batch.Claims.Select(c => c.TransactionControlNumber).Distinct().Count());
    }

    [Fact]
    public void Many_claims_file_streams_820_claims_each_with_a_recorded_hi_problem()
    {
        var batch = TestData.Read("imsweb-x12-parser/837_5010/x12_many_claims.txt");

        Assert.Equal(820, batch.Claims.Count);
        Assert.All(batch.Claims, c => Assert.Single(c.Lines));
        Assert.All(batch.Claims, c => Assert.Contains("element separator '*' inside the composite", Assert.Single(c.Problems).Message));
        var se = Assert.Single(batch.Issues);
        Assert.Equal(11488, se.SegmentNumber);
        Assert.Equal("Segment 11488 (SE): SE01 says 25, but transaction set 987654 (ST through SE) has 11486 segments.", se.Message);
    }

    [Fact]
    public void Many_claims_file_with_strict_envelopes_stops_at_the_se_segment()
    {
        var error = Assert.Throws<X12Exception>(() =>
            TestData.Read("imsweb-x12-parser/837_5010/x12_many_claims.txt", new X12ReaderOptions { EnvelopeErrors = EnvelopeErrorHandling.Throw }));

        Assert.Equal(11488, error.SegmentNumber);
        Assert.Equal("SE", error.SegmentId);
    }

    [Fact]
    public void X223_test_reads_one_institutional_line_despite_spaces_after_terminators()
    {
        var batch = TestData.Read("imsweb-x12-parser/837_5010/x223-test.txt");

        var claim = Assert.Single(batch.Claims);
        Assert.Equal(ClaimKind.Institutional, claim.Kind);
        Assert.Equal("005010X223A2", claim.ImplementationGuide);
        var line = Assert.Single(claim.Lines);
        Assert.Equal("0300", line.RevenueCode);
        Assert.Equal("81099", line.ProcedureCode);
        Assert.Equal(new DateRange(new(2005, 3, 14), new(2005, 3, 25)), line.ServiceDate);
        Assert.Equal(new DateRange(new(2012, 3, 30), new(2012, 3, 30)), claim.StatementPeriod);
        Assert.Equal(["BK:1739"], claim.Diagnoses.Select(d => $"{d.Qualifier}:{d.Code}"));
        Assert.Contains(batch.Issues, i => i.SegmentId == "SE" && i.Message.Contains("SE01 says 25"));
    }

    [Fact]
    public void Different_separators_file_reads_tilde_caret_underscore()
    {
        var batch = TestData.Read("imsweb-x12-parser/837_5010/x12_valid_different_separators.txt");

        Assert.Equal(2, batch.Claims.Count);
        Assert.Equal(["99211", "478331"], batch.Claims.Select(c => c.Lines.Single().ProcedureCode));
        Assert.All(batch.Claims, c => Assert.Equal(["25"], c.Lines.Single().Modifiers));
        Assert.Equal([1, 2, 3], batch.Claims[1].Lines[0].DiagnosisPointers);
        Assert.All(batch.Claims, c => Assert.Contains("element separator '~'", Assert.Single(c.Problems).Message));
        Assert.Contains(batch.Issues, i => i.SegmentId == "SE");
    }

    [Fact]
    public void Medicaid_example_reads_referral_numbers_and_rd8_dates_from_indented_segments()
    {
        var batch = TestData.Read("oopfactory-x12/_837P/_5010/MedicaidExample.txt");

        Assert.Empty(batch.Issues);
        Assert.Equal(5, batch.Claims.Count);
        Assert.Equal(10, batch.Claims.Sum(c => c.Lines.Count));
        Assert.All(batch.Claims, c => Assert.Equal("99999999", c.ReferralNumber));
        Assert.All(batch.Claims, c => Assert.Equal("9999999999", c.ReferringProvider?.Npi));
        Assert.Equal(new DateRange(new(2011, 12, 12), new(2011, 12, 12)), batch.Claims[0].Lines[0].ServiceDate);
        Assert.Equal(["99999", "X9999"], batch.Claims[0].Lines.Select(l => l.ProcedureCode));
        Assert.Equal(new DateOnly(1999, 11, 30), batch.Claims[4].Subscriber?.BirthDate);
    }

    [Fact]
    public void Combined_examples_read_three_claims_across_two_transaction_sets()
    {
        var batch = TestData.Read("oopfactory-x12/_837P/_5010/Example1_2_And_3_Combined.txt");

        Assert.Empty(batch.Issues);
        Assert.Equal(3, batch.Claims.Count);
        Assert.Equal(11, batch.Claims.Sum(c => c.Lines.Count));
        Assert.All(batch.Claims, c => Assert.Equal(ClaimKind.Professional, c.Kind));
        Assert.Equal(["0021", "0021", "0022"], batch.Claims.Select(c => c.TransactionControlNumber));
        Assert.Equal(
            ["99213", "87070", "99214", "86663", "90782", "J3301", "87072"],
            batch.Claims.SelectMany(c => c.Lines).Select(l => l.ProcedureCode!).Distinct());
        Assert.Equal("1999996666", batch.Claims[1].BillingProvider?.Npi);
        Assert.Equal("1999996666", batch.Claims[1].RenderingProvider?.Npi);
    }

    [Fact]
    public void Batch_4010_institutional_reads_claim_level_prior_authorizations_only()
    {
        var batch = TestData.Read("oopfactory-x12/_837I/_4010/FromSwreed/Batch1.txt");

        Assert.Empty(batch.Issues);
        Assert.Equal(54, batch.Claims.Count);
        Assert.Equal(182, batch.Claims.Sum(c => c.Lines.Count));
        Assert.All(batch.Claims, c => Assert.Equal(ClaimKind.Institutional, c.Kind));
        Assert.All(batch.Claims, c => Assert.Equal("004010X096A1", c.ImplementationGuide));
        // Nine REF*G1 in the file; three belong to other payers (loop 2330B) and are not this claim's.
        var authorizations = batch.Claims.Where(c => c.PriorAuthorization is not null).Select(c => c.PriorAuthorization).ToArray();
        Assert.Equal(6, authorizations.Length);
        Assert.Contains("NPN", authorizations);
        Assert.Contains("999999999999999999", authorizations);
    }

    [Fact]
    public void Staedi_sample_reads_newline_terminated_segments()
    {
        var batch = TestData.Read("staedi/sample837-original.edi");

        Assert.Empty(batch.Issues);
        var claim = Assert.Single(batch.Claims);
        Assert.Equal("005010X222", claim.ImplementationGuide);
        Assert.Equal("COLE", claim.Patient?.FirstName);
        Assert.Equal("YYX123456789", claim.Subscriber?.MemberId);
        var line = Assert.Single(claim.Lines);
        Assert.Equal("J2941", line.ProcedureCode);
        Assert.Equal(84m, line.Units);
        Assert.Equal("00013264681", line.Drug?.Ndc);
        Assert.Equal(7m, line.Drug?.Quantity);
        Assert.Equal("12345679030", line.OrderingProvider?.Npi);
        Assert.Equal(new DateRange(new(2011, 5, 11), new(2011, 5, 11)), line.ServiceDate);
    }

    [Theory]
    [InlineData("linuxforhealth-x12/835_005010X221A1/managed-care.835")]
    [InlineData("linuxforhealth-x12/835_005010X221A1/secondary-payment.835")]
    [InlineData("oopfactory-x12/_835/_5010/ExampleFromNth.txt")]
    [InlineData("oopfactory-x12/_278/_5010/Example_3_1_1_Request.txt")]
    [InlineData("oopfactory-x12/_278/_5010/Example_3_1_2_Response.txt")]
    [InlineData("oopfactory-x12/_278/_5010/Example_3_2_1_Request.txt")]
    [InlineData("oopfactory-x12/_278/_5010/Example_3_2_2_Response.txt")]
    public void Non_837_transaction_sets_are_validated_and_yield_no_claims(string file)
    {
        var batch = TestData.Read(file);

        Assert.Empty(batch.Claims);
        Assert.Empty(batch.Issues);
    }
}
