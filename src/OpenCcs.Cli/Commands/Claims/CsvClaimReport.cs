using System.Globalization;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>
/// CSV (RFC 4180, comma, quotes doubled, LF line ends) with a header row: one row per failed rule of a denied
/// line, and one row (result "pays", rule columns empty) per line that pays. Totals and warnings are not rows.
/// </summary>
internal sealed class CsvClaimReport(TextWriter output) : ClaimReport(output)
{
    public const string Header =
        "file,claim,claim_segment,member_id,billing_npi,line,line_segment,procedure_code,revenue_code,ndc,date_from,date_to,units,sar,result,rule_id,code,message,fix";

    private bool _headerWritten;

    public override void BeginFile(string path)
    {
        if (_headerWritten)
        {
            return;
        }

        Output.Write(Header);
        Output.Write('\n');
        _headerWritten = true;
    }

    public override void Write(string path, in CheckedClaim claim)
    {
        var source = claim.Claim;
        for (var i = 0; i < source.Lines.Count; i++)
        {
            var result = claim.Result.Lines[i];
            if (result.Pays)
            {
                Row(path, claim, i, null, null, null, null);
                continue;
            }

            var findings = result.Findings;
            for (var f = 0; f < findings.Count; f++)
            {
                var finding = findings[f];
                Row(path, claim, i, finding.RuleId, finding.Code?.ToString(), finding.Message, finding.Fix);
            }
        }
    }

    public override void End(ClaimTotals totals)
    {
        if (!_headerWritten)
        {
            Output.Write(Header);
            Output.Write('\n');
            _headerWritten = true;
        }
    }

    private void Row(string path, in CheckedClaim claim, int index, string? rule, string? code, string? message, string? fix)
    {
        var line = claim.Claim.Lines[index];
        Field(path);
        Field(claim.Claim.Reference);
        Field(claim.Source.SegmentNumber);
        Field(claim.Claim.MemberId);
        Field(claim.Claim.BillingNpi);
        Field(line.LineNumber);
        Field(line.SegmentNumber);
        Field(line.ProcedureCode);
        Field(line.RevenueCode);
        Field(line.Ndc);
        Field(line.From);
        Field(line.To);
        Field(line.Units.ToString(CultureInfo.InvariantCulture));
        Field(claim.SarFor(index));
        Field(rule is null ? "pays" : "denied");
        Field(rule);
        Field(code);
        Field(message);
        Last(fix);
    }

    private void Field(string? value)
    {
        Value(value);
        Output.Write(',');
    }

    private void Field(int? value)
    {
        if (value is { } number)
        {
            Span<char> buffer = stackalloc char[11];
            number.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
            Output.Write(buffer[..written]);
        }

        Output.Write(',');
    }

    private void Field(DateOnly? value)
    {
        if (value is { } date)
        {
            Span<char> buffer = stackalloc char[10];
            date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Output.Write(buffer[..written]);
        }

        Output.Write(',');
    }

    private void Last(string? value)
    {
        Value(value);
        Output.Write('\n');
    }

    private void Value(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Output.Write(value);
            return;
        }

        Output.Write('"');
        Output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        Output.Write('"');
    }
}
