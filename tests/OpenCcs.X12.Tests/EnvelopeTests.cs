namespace OpenCcs.X12.Tests;

public sealed class EnvelopeTests
{
    private static readonly X12ReaderOptions Strict = new() { EnvelopeErrors = EnvelopeErrorHandling.Throw };

    // ISA(1) GS(2) ST(3) LX(4) SE(5) GE(6) IEA(7)
    private static string Valid => X12Text.Interchange(X12Text.Professional, "LX*1");

    [Fact]
    public void Valid_envelopes_report_nothing()
    {
        Assert.Empty(X12Text.Read(Valid).Issues);
    }

    [Fact]
    public void Se01_segment_count_mismatch_reports_segment_number()
    {
        var text = Valid.Replace("SE*3*0001", "SE*9*0001");

        var issue = Assert.Single(X12Text.Read(text).Issues);
        Assert.Equal(5, issue.SegmentNumber);
        Assert.Equal("SE", issue.SegmentId);
        Assert.Equal("0001", issue.TransactionControlNumber);
        Assert.Equal("Segment 5 (SE): SE01 says 9, but transaction set 0001 (ST through SE) has 3 segments.", issue.Message);

        var error = Assert.Throws<X12Exception>(() => X12Text.Read(text, Strict));
        Assert.Equal(5, error.SegmentNumber);
        Assert.Equal("SE", error.SegmentId);
    }

    [Fact]
    public void Se02_control_number_mismatch_names_both_numbers()
    {
        var text = Valid.Replace("SE*3*0001", "SE*3*0002");

        var error = Assert.Throws<X12Exception>(() => X12Text.Read(text, Strict));

        Assert.Equal("Segment 5 (SE): the transaction set control number 0002 does not match ST02 0001.", error.Message);
    }

    [Fact]
    public void Ge01_transaction_count_mismatch_reports_segment_number()
    {
        var issue = Assert.Single(X12Text.Read(Valid.Replace("GE*1*1", "GE*2*1")).Issues);

        Assert.Equal(6, issue.SegmentNumber);
        Assert.Equal("Segment 6 (GE): GE01 says 2, but group 1 has 1 transaction set.", issue.Message);
    }

    [Fact]
    public void Ge02_group_control_number_must_match_gs06()
    {
        var issue = Assert.Single(X12Text.Read(Valid.Replace("GE*1*1", "GE*1*7")).Issues);

        Assert.Equal("Segment 6 (GE): the group control number 7 does not match GS06 1.", issue.Message);
    }

    [Fact]
    public void Iea01_group_count_mismatch_reports_segment_number()
    {
        var issue = Assert.Single(X12Text.Read(Valid.Replace("IEA*1*", "IEA*3*")).Issues);

        Assert.Equal(7, issue.SegmentNumber);
        Assert.Equal("Segment 7 (IEA): IEA01 says 3, but the interchange has 1 functional group.", issue.Message);
    }

    [Fact]
    public void Iea02_control_number_must_match_isa13()
    {
        var issue = Assert.Single(X12Text.Read(Valid.Replace("IEA*1*000000001", "IEA*1*000000002")).Issues);

        Assert.Equal("Segment 7 (IEA): the interchange control number 000000002 does not match ISA13 000000001.", issue.Message);
    }

    [Fact]
    public void Non_numeric_count_is_reported_as_such()
    {
        var issue = Assert.Single(X12Text.Read(Valid.Replace("SE*3*", "SE*X*")).Issues);

        Assert.Contains("SE01 \"X\" is not a number", issue.Message);
    }

    [Fact]
    public void St_before_se_closed_the_previous_transaction_is_fatal()
    {
        var text = Valid.Replace("SE*3*0001~", "ST*837*0002*005010X222A1~SE*3*0002~");

        var error = Assert.Throws<X12Exception>(() => X12Text.Read(text));

        Assert.Equal(5, error.SegmentNumber);
        Assert.Equal("ST", error.SegmentId);
        Assert.Contains("before SE closed transaction set 0001", error.Message);
    }

    [Fact]
    public void Segment_outside_a_transaction_set_is_fatal()
    {
        var text = Valid.Replace("GE*1*1~", "CLM*X*1~GE*1*1~");

        var error = Assert.Throws<X12Exception>(() => X12Text.Read(text));

        Assert.Equal(6, error.SegmentNumber);
        Assert.Equal("CLM", error.SegmentId);
    }

    [Fact]
    public void Truncated_file_is_fatal_and_names_the_open_transaction()
    {
        var text = Valid[..Valid.IndexOf("SE*", StringComparison.Ordinal)];

        var error = Assert.Throws<X12Exception>(() => X12Text.Read(text));

        Assert.Equal(4, error.SegmentNumber);
        Assert.Contains("before SE closed transaction set 0001", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Empty_input_is_reported()
    {
        var error = Assert.Throws<X12Exception>(() => X12Text.Read("  \r\n"));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Claims_before_an_envelope_error_are_still_streamed()
    {
        var body = X12Text.ProfessionalBody("CLM*P1*10***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99213*10*UN*1***1");
        var text = X12Text.Interchange(X12Text.Professional, body).Replace("SE*14*0001", "SE*99*0001");
        using var reader = new OpenCcs.X12.Claims.Claim837Reader(new StringReader(text), Strict);
        var seen = new List<string>();

        Assert.Throws<X12Exception>(() =>
        {
            foreach (var claim in reader.ReadClaims())
            {
                seen.Add(claim.PatientControlNumber);
            }
        });
        Assert.Equal(["P1"], seen);
    }
}
