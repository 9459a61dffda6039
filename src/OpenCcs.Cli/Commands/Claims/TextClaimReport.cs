using System.Globalization;
using OpenCcs.Core.Claims;
using OpenCcs.X12;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>
/// The readable report: per claim a heading, per line "pays" or "denied" with every failed rule (id, X12 code,
/// message, fix), the reader's warnings per file, and totals at the end.
/// </summary>
internal sealed class TextClaimReport(TextWriter output) : ClaimReport(output)
{
    public override void BeginFile(string path)
    {
        Output.Write(path);
        Output.Write('\n');
    }

    public override void Write(string path, in CheckedClaim claim)
    {
        var o = Output;
        var result = claim.Result;
        var lines = result.Lines;
        o.Write("  Claim ");
        o.Write(claim.Claim.Reference);
        o.Write(" (segment ");
        Number(claim.Source.SegmentNumber);
        o.Write("), member ");
        o.Write(claim.Claim.MemberId ?? "(none)");
        if (claim.Claim.PriorAuthorization is { } sar)
        {
            o.Write(", SAR ");
            o.Write(sar);
        }

        if (claim.Claim.Emergency)
        {
            o.Write(", emergency");
        }

        var denied = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            denied += lines[i].Pays ? 0 : 1;
        }

        if (lines.Count == 0)
        {
            o.Write(": no service lines\n");
        }
        else if (denied == 0)
        {
            o.Write(": pays (");
            Number(lines.Count);
            o.Write(lines.Count == 1 ? " line)\n" : " lines)\n");
        }
        else
        {
            o.Write(": ");
            Number(denied);
            o.Write(" of ");
            Number(lines.Count);
            o.Write(lines.Count == 1 ? " line denied\n" : " lines denied\n");
        }

        foreach (var problem in claim.Source.Problems)
        {
            o.Write("    warning: ");
            o.Write(problem.Message);
            o.Write('\n');
        }

        for (var i = 0; i < lines.Count; i++)
        {
            WriteLine(claim, i);
        }
    }

    private void WriteLine(in CheckedClaim claim, int index)
    {
        var o = Output;
        var line = claim.Claim.Lines[index];
        var result = claim.Result.Lines[index];
        o.Write("    Line ");
        Number(line.LineNumber);
        if (line.SegmentNumber is { } segment)
        {
            o.Write(" (segment ");
            Number(segment);
            o.Write(')');
        }

        var code = line.ProcedureCode ?? line.RevenueCode ?? line.Ndc;
        if (code is not null)
        {
            o.Write(' ');
            o.Write(code);
        }

        if (line.From is { } from)
        {
            o.Write(' ');
            Date(from);
            if (line.To is { } to)
            {
                o.Write("..");
                Date(to);
            }
        }

        if (claim.SarFor(index) is { } sar && line.PriorAuthorization is not null)
        {
            o.Write(", SAR ");
            o.Write(sar);
        }

        if (result.Pays)
        {
            o.Write(": pays\n");
            return;
        }

        o.Write(": denied\n");
        var findings = result.Findings;
        for (var f = 0; f < findings.Count; f++)
        {
            var finding = findings[f];
            o.Write("      ");
            o.Write(finding.RuleId);
            if (finding.Code is { } x12)
            {
                o.Write(" (");
                o.Write(x12.Kind);
                o.Write(' ');
                o.Write(x12.Code);
                o.Write(')');
            }

            o.Write(": ");
            o.Write(finding.Message);
            o.Write("\n        Fix: ");
            o.Write(finding.Fix);
            o.Write('\n');
        }
    }

    public override void EndFile(string path, int claims, IReadOnlyList<X12Issue> issues)
    {
        foreach (var issue in issues)
        {
            Output.Write("  warning: ");
            Output.Write(issue.Message);
            Output.Write('\n');
        }
    }

    public override void End(ClaimTotals t)
    {
        var o = Output;
        o.Write('\n');
        o.Write(string.Create(CultureInfo.InvariantCulture,
            $"Totals: {t.Files:N0} file(s), {t.Claims:N0} claims ({t.ClaimsPaying:N0} pay in full), {t.Lines:N0} lines: {t.LinesPaying:N0} pay, {t.LinesDenied:N0} denied.\n"));
        if (t.UnreadableFiles > 0)
        {
            o.Write(string.Create(CultureInfo.InvariantCulture, $"{t.UnreadableFiles:N0} file(s) could not be read to the end (see the errors above).\n"));
        }

        if (t.ByRule.Count > 0)
        {
            o.Write("Denied lines by rule:\n");
            foreach (var (rule, count) in t.ByRule)
            {
                o.Write(string.Create(CultureInfo.InvariantCulture, $"  {count,10:N0}  {rule}\n"));
            }
        }
    }

    private void Number(int value)
    {
        Span<char> buffer = stackalloc char[11];
        value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
        Output.Write(buffer[..written]);
    }

    // yyyy-MM-dd by hand: the culture-aware formatter cost more than the rest of a line's output.
    private void Date(DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        Digits(buffer[..4], value.Year);
        buffer[4] = '-';
        Digits(buffer.Slice(5, 2), value.Month);
        buffer[7] = '-';
        Digits(buffer.Slice(8, 2), value.Day);
        Output.Write(buffer);

        static void Digits(Span<char> into, int number)
        {
            for (var i = into.Length - 1; i >= 0; i--)
            {
                into[i] = (char)('0' + number % 10);
                number /= 10;
            }
        }
    }
}
