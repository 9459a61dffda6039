using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenCcs.X12;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>
/// JSON Lines (one JSON object per line, https://jsonlines.org): a <c>"type":"claim"</c> object per claim as soon as
/// it is checked, a <c>"type":"file"</c> object when a file has been read to the end (with the reader's warnings),
/// and one <c>"type":"totals"</c> object last. Chosen over one document so a consumer can stream a file of any
/// size without holding it, and so the results of a file that turns out to be damaged half-way stay usable.
/// </summary>
internal sealed class JsonClaimReport : ClaimReport
{
    private const int FlushAt = 64 * 1024;
    private static readonly JsonWriterOptions Options = new()
    {
        // Messages quote values and use apostrophes ("the SAR's end date"); keep them readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[FlushAt * 2];

    public JsonClaimReport(TextWriter output)
        : base(output)
    {
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    public override void Write(string path, in CheckedClaim claim)
    {
        var j = _json;
        var source = claim.Claim;
        j.WriteStartObject();
        j.WriteString("type", "claim");
        j.WriteString("file", path);
        j.WriteString("reference", source.Reference);
        j.WriteNumber("segment", claim.Source.SegmentNumber);
        j.WriteString("form", source.Form == Core.Claims.ClaimForm.Institutional ? "institutional" : "professional");
        j.WriteString("memberId", source.MemberId);
        j.WriteString("billingNpi", source.BillingNpi);
        j.WriteString("sar", source.PriorAuthorization);
        j.WriteBoolean("emergency", source.Emergency);
        j.WriteBoolean("pays", claim.Result.Pays);
        if (claim.Source.Problems.Count > 0)
        {
            j.WriteStartArray("warnings");
            foreach (var problem in claim.Source.Problems)
            {
                j.WriteStringValue(problem.Message);
            }

            j.WriteEndArray();
        }

        j.WriteStartArray("lines");
        for (var i = 0; i < source.Lines.Count; i++)
        {
            var line = source.Lines[i];
            var result = claim.Result.Lines[i];
            j.WriteStartObject();
            j.WriteNumber("line", line.LineNumber);
            if (line.SegmentNumber is { } segment)
            {
                j.WriteNumber("segment", segment);
            }

            WriteIfSet("procedureCode", line.ProcedureCode);
            WriteIfSet("revenueCode", line.RevenueCode);
            WriteIfSet("ndc", line.Ndc);
            if (line.From is { } from)
            {
                j.WriteString("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (line.To is { } to)
            {
                j.WriteString("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            j.WriteNumber("units", line.Units);
            WriteIfSet("sar", claim.SarFor(i));
            j.WriteBoolean("pays", result.Pays);
            j.WriteStartArray("findings");
            var findings = result.Findings;
            for (var f = 0; f < findings.Count; f++)
            {
                var finding = findings[f];
                j.WriteStartObject();
                j.WriteString("rule", finding.RuleId);
                if (finding.Code is { } code)
                {
                    j.WriteString("codeKind", code.Kind);
                    j.WriteString("code", code.Code);
                }

                j.WriteString("message", finding.Message);
                j.WriteString("fix", finding.Fix);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteEndObject();
        EndRecord();
    }

    public override void EndFile(string path, int claims, IReadOnlyList<X12Issue> issues)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "file");
        _json.WriteString("file", path);
        _json.WriteNumber("claims", claims);
        _json.WriteStartArray("warnings");
        foreach (var issue in issues)
        {
            _json.WriteStringValue(issue.Message);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        EndRecord();
    }

    public override void End(ClaimTotals totals)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "totals");
        _json.WriteNumber("files", totals.Files);
        _json.WriteNumber("unreadableFiles", totals.UnreadableFiles);
        _json.WriteNumber("claims", totals.Claims);
        _json.WriteNumber("claimsPaying", totals.ClaimsPaying);
        _json.WriteNumber("lines", totals.Lines);
        _json.WriteNumber("linesPaying", totals.LinesPaying);
        _json.WriteNumber("linesDenied", totals.LinesDenied);
        _json.WriteStartObject("deniedLinesByRule");
        foreach (var (rule, count) in totals.ByRule)
        {
            _json.WriteNumber(rule, count);
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        EndRecord();
        Drain();
    }

    private void WriteIfSet(string name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }

    private void EndRecord()
    {
        _json.Flush();
        _json.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= FlushAt)
        {
            Drain();
        }
    }

    // The writer produces UTF-8; the command writes to a TextWriter, so whole buffers are decoded at once.
    private void Drain()
    {
        var bytes = _buffer.WrittenSpan;
        var needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        var count = Encoding.UTF8.GetChars(bytes, _chars);
        Output.Write(_chars.AsSpan(0, count));
        _buffer.ResetWrittenCount();
    }

    public override void Flush()
    {
        Drain();
        base.Flush();
    }
}
