using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

public sealed class ClaimMappingTests
{
    private static Claim837 ReadOne(string guide, params string[] claimSegments)
    {
        var batch = X12Text.Read(X12Text.Interchange(guide, X12Text.ProfessionalBody(claimSegments)));
        Assert.Empty(batch.Issues);
        return Assert.Single(batch.Claims);
    }

    // One builder is reused for every claim of a reader: nothing a claim set may reach the next one.
    private static readonly string[] TwoClaims =
    [
        "CLM*P1*30***11:B:1*Y*A*Y*Y", "REF*G1*10000008515", "NM1*DN*1*REFERRING*DOCTOR****XX*1211806769",
        "NM1*82*1*RENDERING*DOCTOR****XX*1835291737", "HI*ABK:J45909", "LX*X", "SV1*HC:99213*10*UN*1***1", "DTP*472*D8*20260105",
        "CLM*P2*20***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:94640*20*UN*2***1", "DTP*472*D8*20260106",
    ];

    [Fact]
    public void A_claim_keeps_nothing_of_the_claim_before_it()
    {
        var batch = X12Text.Read(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody(TwoClaims)));

        Assert.Equal(2, batch.Claims.Count);
        var (first, second) = (batch.Claims[0], batch.Claims[1]);
        Assert.Equal("10000008515", first.PriorAuthorization);
        Assert.NotEmpty(first.Problems); // LX01 "X" is not a line number
        Assert.Single(first.Diagnoses);
        Assert.Equal("P2", second.PatientControlNumber);
        Assert.Null(second.PriorAuthorization);
        Assert.Null(second.ReferringProvider);
        Assert.Null(second.RenderingProvider);
        Assert.Empty(second.Diagnoses);
        Assert.Empty(second.Problems);
        Assert.Equal(["94640"], second.Lines.Select(l => l.ProcedureCode));
        Assert.Equal(["99213"], first.Lines.Select(l => l.ProcedureCode));
    }

    [Fact]
    public void A_claim_read_for_the_check_keeps_nothing_of_the_claim_before_it()
    {
        using var reader = new Claim837Reader(new StringReader(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody(TwoClaims))));

        var claims = reader.ReadClaimsToCheck().ToList();

        Assert.Equal(2, claims.Count);
        Assert.Equal("10000008515", claims[0].Claim.PriorAuthorization);
        Assert.Equal("1211806769", claims[0].Claim.ReferringNpi);
        Assert.NotEmpty(claims[0].Problems);
        Assert.Equal("P2", claims[1].Claim.Reference);
        Assert.Null(claims[1].Claim.PriorAuthorization);
        Assert.Null(claims[1].Claim.ReferringNpi);
        Assert.Null(claims[1].Claim.RenderingNpi);
        Assert.Empty(claims[1].Problems);
        Assert.Equal("94640", Assert.Single(claims[1].Claim.Lines).ProcedureCode);
    }

    [Fact]
    public void Line_prior_authorization_overrides_the_claims()
    {
        var claim = ReadOne(X12Text.Professional,
            "CLM*P1*30***11:B:1*Y*A*Y*Y",
            "REF*G1*SAR0000001",
            "HI*ABK:J45909*ABF:E119",
            "LX*1", "SV1*HC:99213*10*UN*1***1", "DTP*472*D8*20260105",
            "LX*2", "SV1*HC:94640*20*UN*2***1", "DTP*472*D8*20260106", "REF*G1*SAR0000002");

        Assert.Equal("SAR0000001", claim.PriorAuthorization);
        Assert.Equal("SAR0000001", claim.PriorAuthorizationFor(claim.Lines[0]));
        Assert.Equal("SAR0000002", claim.PriorAuthorizationFor(claim.Lines[1]));
        Assert.Null(claim.Lines[0].PriorAuthorization);
    }

    [Fact]
    public void Icd10_diagnoses_keep_their_role_and_code_set()
    {
        var claim = ReadOne(X12Text.Professional, "CLM*P1*10***11:B:1*Y*A*Y*Y", "HI*ABK:J45909*ABF:E119", "LX*1", "SV1*HC:99213*10*UN*1***1:2");

        Assert.Equal(["J45909", "E119"], claim.Diagnoses.Select(d => d.Code));
        Assert.Equal(DiagnosisRole.Principal, claim.Diagnoses[0].Role);
        Assert.Equal(DiagnosisRole.Other, claim.Diagnoses[1].Role);
        Assert.All(claim.Diagnoses, d => Assert.Equal(DiagnosisCodeSet.Icd10Cm, d.CodeSet));
        Assert.Equal("J45909", claim.PrincipalDiagnosis?.Code);
    }

    [Fact]
    public void Sv1_reads_four_modifiers_minutes_place_of_service_and_emergency()
    {
        var claim = ReadOne(X12Text.Professional,
            "CLM*P1*80***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:97110:GP:KX:59:XU:PHYSICAL THERAPY*80*MJ*45*22**1**Y", "DTP*472*RD8*20260101-20260105");

        var line = Assert.Single(claim.Lines);
        Assert.Equal("HC", line.ProcedureQualifier);
        Assert.Equal("97110", line.ProcedureCode);
        Assert.Equal(["GP", "KX", "59", "XU"], line.Modifiers);
        Assert.Equal("MJ", line.UnitBasis);
        Assert.Equal(45m, line.Units);
        Assert.Equal("22", line.PlaceOfService);
        Assert.True(line.Emergency);
        Assert.True(claim.IsEmergency);
        Assert.Equal(new DateRange(new(2026, 1, 1), new(2026, 1, 5)), line.ServiceDate);
    }

    [Fact]
    public void Claim_referring_and_rendering_providers_come_from_loops_2310a_and_2310b()
    {
        var claim = ReadOne(X12Text.Professional,
            "CLM*P1*10***11:B:1*Y*A*Y*Y", "REF*9F*REFERRAL7",
            "NM1*DN*1*LEE*SAM****XX*1111111112", "NM1*82*1*PATEL*RIA****XX*2222222224",
            "LX*1", "SV1*HC:99213*10*UN*1***1", "NM1*82*1*KIM*JO****XX*3333333336", "NM1*DN*1*WU*AL****XX*4444444448");

        Assert.Equal("REFERRAL7", claim.ReferralNumber);
        Assert.Equal("1111111112", claim.ReferringProvider?.Npi);
        Assert.Equal("SAM", claim.ReferringProvider?.FirstName);
        Assert.False(claim.ReferringProvider?.IsOrganization);
        Assert.Equal("2222222224", claim.RenderingProvider?.Npi);
        Assert.Equal("3333333336", claim.Lines[0].RenderingProvider?.Npi);
        Assert.Equal("4444444448", Assert.Single(claim.Lines[0].ReferringProviders).Npi);
        Assert.Equal("91234567A", claim.Subscriber?.MemberId);
        Assert.Equal(new DateOnly(2015, 7, 4), claim.Subscriber?.BirthDate);
        Assert.Equal("1234567893", claim.BillingProvider?.Npi);
    }

    [Fact]
    public void Other_payer_prior_authorization_in_loop_2330_is_not_the_claims()
    {
        var claim = ReadOne(X12Text.Professional,
            "CLM*P1*10***11:B:1*Y*A*Y*Y", "SBR*S*01*******CI", "NM1*PR*2*OTHER PLAN*****PI*9", "REF*G1*OTHERPAYERAUTH",
            "NM1*DN*1", "LX*1", "SV1*HC:99213*10*UN*1***1");

        Assert.Null(claim.PriorAuthorization);
        Assert.Null(claim.ReferringProvider);
    }

    [Fact]
    public void Institutional_admission_type_1_is_an_emergency()
    {
        var claim = ReadOne(X12Text.Institutional,
            "CLM*I1*500***13:A:1*Y*A*Y*Y", "DTP*434*RD8*20260101-20260103", "CL1*1*7*01", "HI*ABK:S0990XA",
            "LX*1", "SV2*0450*HC:99284*500*UN*1", "DTP*472*D8*20260101");

        Assert.Equal(ClaimKind.Institutional, claim.Kind);
        Assert.True(claim.IsEmergency);
        Assert.Equal("0450", claim.Lines[0].RevenueCode);
        Assert.Equal("99284", claim.Lines[0].ProcedureCode);
        Assert.Equal(500m, claim.Lines[0].Charge);
    }

    [Fact]
    public void Unreadable_amounts_and_dates_become_claim_problems()
    {
        var batch = X12Text.Read(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody(
            "CLM*P1*TEN***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99213*10*UN*1***1", "DTP*472*D8*20261345", "LX*2")));

        var claim = Assert.Single(batch.Claims);
        Assert.Equal(0m, claim.TotalCharge);
        Assert.Null(claim.Lines[0].ServiceDate);
        Assert.Equal(3, claim.Problems.Count);
        Assert.Contains(claim.Problems, p => p.SegmentId == "CLM" && p.Message.Contains("CLM02 (total charge) \"TEN\" is not a number"));
        Assert.Contains(claim.Problems, p => p.SegmentId == "DTP" && p.Message.Contains("\"20261345\" is not a valid D8 date"));
        Assert.Contains(claim.Problems, p => p.SegmentId == "LX" && p.Message.Contains("no SV1 or SV2"));
    }

    [Fact]
    public void Hi_with_a_bare_code_is_a_numbered_claim_problem()
    {
        var batch = X12Text.Read(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody(
            "CLM*P1*10***11:B:1*Y*A*Y*Y", "HI*J45909", "LX*1", "SV1*HC:99213*10*UN*1***1")));

        var problem = Assert.Single(Assert.Single(batch.Claims).Problems);
        Assert.Equal(14, problem.SegmentNumber);
        Assert.Equal("Segment 14 (HI): HI01 \"J45909\" is not a qualifier:code composite such as ABK:J45909. None of this segment's diagnoses were used.", problem.Message);
    }

    [Fact]
    public void Claims_stream_before_the_rest_of_the_file_is_read()
    {
        var body = X12Text.ProfessionalBody("CLM*P1*10***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99213*10*UN*1***1", "CLM*P2*10***11:B:1*Y*A*Y*Y");
        var text = X12Text.Interchange(X12Text.Professional, body);
        // Cut the data inside the second CLM: the first claim must arrive before the truncation is found.
        var cut = text[..(text.IndexOf("CLM*P2", StringComparison.Ordinal) + 10)];
        using var reader = new Claim837Reader(new StringReader(cut));
        using var claims = reader.ReadClaims().GetEnumerator();

        Assert.True(claims.MoveNext());
        Assert.Equal("P1", claims.Current.PatientControlNumber);
        Assert.Throws<X12Exception>(() => claims.MoveNext());
    }
}
