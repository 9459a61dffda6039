using System.Text;

namespace OpenCcs.X12.Tests;

/// <summary>Builds small interchanges for tests, with correct envelope counts unless told otherwise.</summary>
internal static class X12Text
{
    public const string Professional = "005010X222A1";
    public const string Institutional = "005010X223A2";

    public static string Isa(string controlNumber = "000000001", char element = '*', char repetition = '^', char component = ':', char terminator = '~') =>
        string.Join(element,
            "ISA", "00", "          ", "00", "          ", "ZZ", "SUBMITTER      ", "ZZ", "RECEIVER       ",
            "260101", "1200", repetition.ToString(), "00501", controlNumber, "0", "T", component.ToString()) + terminator;

    /// <summary>The BHT and the submitter and receiver that open every transaction set the tests write.</summary>
    public static readonly string[] Header = ["BHT*0019*00*1*20260101*1200*CH", "NM1*41*2*SUBMITTER*****46*S1", "NM1*40*2*CCS*****46*R1"];

    /// <summary>One interchange, one group, one transaction set around <paramref name="body"/> (written with * : ~).</summary>
    public static string Interchange(string guide, params string[] body) =>
        Interchange(guide, "000000001", "1", [("0001", body)]);

    /// <summary>One interchange (ISA13 <paramref name="interchangeControl"/>) of one group (GS06 <paramref name="groupControl"/>).</summary>
    public static string Interchange(string guide, string interchangeControl, string groupControl, IReadOnlyList<(string Control, string[] Body)> transactions) =>
        Isa(interchangeControl) + Group(guide, groupControl, transactions) + $"IEA*1*{interchangeControl}~";

    public static string Group(string guide, string control, IReadOnlyList<(string Control, string[] Body)> transactions)
    {
        var text = new StringBuilder($"GS*HC*SENDER*RECEIVER*20260101*1200*{control}*X*{guide}~");
        foreach (var (transaction, body) in transactions)
        {
            text.Append($"ST*837*{transaction}*{guide}~");
            foreach (var segment in body)
            {
                text.Append(segment).Append('~');
            }

            text.Append($"SE*{body.Length + 2}*{transaction}~");
        }

        return text.Append($"GE*{transactions.Count}*{control}~").ToString();
    }

    /// <summary>A minimal valid 837P claim body: billing provider, subscriber, one claim with the given extra segments.</summary>
    public static string[] ProfessionalBody(params string[] claimSegments) =>
    [
        .. Header,
        "HL*1**20*1",
        "NM1*85*2*VALLEY CLINIC*****XX*1234567893",
        "HL*2*1*22*0",
        "SBR*P*18*******MC",
        "NM1*IL*1*GARCIA*ANA****MI*91234567A",
        "DMG*D8*20150704*F",
        .. claimSegments,
    ];

    /// <summary>Rewrites text built with * : ^ ~ into other delimiters (the data must not contain them).</summary>
    public static string WithDelimiters(string text, char element, char component, char repetition, string terminator) =>
        string.Concat(text.Select(c => c switch
        {
            '*' => element.ToString(),
            ':' => component.ToString(),
            '^' => repetition.ToString(),
            '~' => terminator,
            _ => c.ToString(),
        }));

    public static X12SegmentReader Segments(string text) => new(new StringReader(text));

    public static OpenCcs.X12.Claims.Claim837Batch Read(string text, X12ReaderOptions? options = null)
    {
        using var reader = new OpenCcs.X12.Claims.Claim837Reader(new StringReader(text), options);
        var claims = reader.ReadClaims().ToList();
        return new OpenCcs.X12.Claims.Claim837Batch(claims, reader.Issues.ToList());
    }
}
