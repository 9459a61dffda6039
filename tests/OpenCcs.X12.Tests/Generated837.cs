using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace OpenCcs.X12.Tests;

public sealed record LineSpec(
    string Code,
    string[] Modifiers,
    decimal Charge,
    string UnitBasis,
    int Units,
    DateOnly From,
    DateOnly To,
    string? PriorAuthorization,
    bool Emergency,
    string? Ndc,
    int? NdcQuantity);

public sealed record ClaimSpec(
    string PatientControlNumber,
    string BillingNpi,
    string MemberId,
    string PlaceOfService,
    string? PriorAuthorization,
    string? ReferringNpi,
    string[] Diagnoses,
    LineSpec[] Lines)
{
    public decimal TotalCharge => Lines.Sum(l => l.Charge);
}

/// <summary>Delimiters chosen so none can occur in the generated data (letters, digits, '.', '-').</summary>
public sealed record DelimiterSet(char Element, char Component, char Repetition, string Terminator)
{
    public override string ToString() => $"{Element} {Component} {Repetition} {Terminator.Replace("\r", "\\r").Replace("\n", "\\n")}";
}

public sealed record Sample837(ClaimSpec[] Claims, DelimiterSet Delimiters)
{
    public string Text => Generated837.Write(this);

    public override string ToString() => Text;
}

/// <summary>A damaged copy of a valid file: flipped bytes, a cut, or deleted segments.</summary>
public sealed record Corrupted837(Sample837 Source, string Damage, byte[] Bytes)
{
    public override string ToString() => $"{Damage}\n{Encoding.Latin1.GetString(Bytes)}";
}

/// <summary>Writes 837P files from specs and supplies FsCheck generators for them.</summary>
public static class Generated837
{
    private static readonly DelimiterSet[] Safe =
    [
        new('*', ':', '^', "~"),
        new('*', ':', '^', "~\r\n"),
        new('|', '>', '^', "~\n"),
        new('~', '^', '{', "_"),
        new('*', '>', '|', "\n"),
        new('^', '\\', '{', "~\r\n    "),
        new('!', '`', '#', "\r\n"),
    ];

    public static string Write(Sample837 sample)
    {
        var d = sample.Delimiters;
        var e = d.Element;
        var c = d.Component;
        var segments = new List<string>();

        void Add(params string[] elements) => segments.Add(string.Join(e, elements));

        Add("ST", "837", "0001", "005010X222A1");
        Add("BHT", "0019", "00", "1", "20260101", "1200", "CH");
        Add("NM1", "41", "2", "SUBMITTER", "", "", "", "", "46", "S1");
        Add("NM1", "40", "2", "CCS", "", "", "", "", "46", "R1");
        var hl = 0;
        foreach (var claim in sample.Claims)
        {
            var billing = ++hl;
            Add("HL", billing.ToString(CultureInfo.InvariantCulture), "", "20", "1");
            Add("NM1", "85", "2", "CLINIC", "", "", "", "", "XX", claim.BillingNpi);
            Add("HL", (++hl).ToString(CultureInfo.InvariantCulture), billing.ToString(CultureInfo.InvariantCulture), "22", "0");
            Add("SBR", "P", "18", "", "", "", "", "", "", "MC");
            Add("NM1", "IL", "1", "MEMBER", "PAT", "", "", "", "MI", claim.MemberId);
            Add("CLM", claim.PatientControlNumber, Money(claim.TotalCharge), "", "", $"{claim.PlaceOfService}{c}B{c}1", "Y", "A", "Y", "Y");
            if (claim.PriorAuthorization is { } auth)
            {
                Add("REF", "G1", auth);
            }

            Add(["HI", .. claim.Diagnoses.Select((code, i) => $"{(i == 0 ? "ABK" : "ABF")}{c}{code}")]);
            if (claim.ReferringNpi is { } referring)
            {
                Add("NM1", "DN", "1", "REFERRER", "DOC", "", "", "", "XX", referring);
            }

            for (var i = 0; i < claim.Lines.Length; i++)
            {
                var line = claim.Lines[i];
                Add("LX", (i + 1).ToString(CultureInfo.InvariantCulture));
                Add("SV1", string.Join(c, ["HC", line.Code, .. line.Modifiers]), Money(line.Charge), line.UnitBasis,
                    line.Units.ToString(CultureInfo.InvariantCulture), "", "", "1", "", line.Emergency ? "Y" : "");
                Add("DTP", "472", line.From == line.To ? "D8" : "RD8",
                    line.From == line.To ? Date(line.From) : $"{Date(line.From)}-{Date(line.To)}");
                if (line.PriorAuthorization is { } lineAuth)
                {
                    Add("REF", "G1", lineAuth);
                }

                if (line.Ndc is { } ndc)
                {
                    Add("LIN", "", "N4", ndc);
                    Add("CTP", "", "", "", line.NdcQuantity!.Value.ToString(CultureInfo.InvariantCulture), $"UN");
                }
            }
        }

        Add("SE", (segments.Count + 1).ToString(CultureInfo.InvariantCulture), "0001");
        var isa = string.Join(e,
            "ISA", "00", "          ", "00", "          ", "ZZ", "SUBMITTER      ", "ZZ", "RECEIVER       ",
            "260101", "1200", d.Repetition.ToString(), "00501", "000000042", "0", "T", c.ToString());
        var text = new StringBuilder(isa).Append(d.Terminator);
        text.Append(string.Join(e, "GS", "HC", "SENDER", "RECEIVER", "20260101", "1200", "7", "X", "005010X222A1")).Append(d.Terminator);
        foreach (var segment in segments)
        {
            text.Append(segment).Append(d.Terminator);
        }

        text.Append(string.Join(e, "GE", "1", "7")).Append(d.Terminator);
        text.Append(string.Join(e, "IEA", "1", "000000042")).Append(d.Terminator);
        return text.ToString();
    }

    private static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(a => new string(a));

    private const string Digits = "0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static Gen<string?> Optional(Gen<string> gen) =>
        Gen.Frequency((1, Gen.Constant<string?>(null)), (2, gen.Select(s => (string?)s)));

    private static readonly Gen<DateOnly> Day =
        Gen.Choose(0, 365 * 6).Select(n => new DateOnly(2020, 1, 1).AddDays(n));

    private static readonly Gen<string> Npi = Chars(Digits, 10, 10);

    // CCS members are identified by a CIN (9 + 7 digits + letter) or a 14-character BIC.
    private static readonly Gen<string> MemberId = Gen.OneOf(
        Chars(Digits, 7, 7).SelectMany(d => Gen.Elements(Upper.ToCharArray()).Select(l => $"9{d}{l}")),
        Chars(Digits, 7, 7).SelectMany(d => Chars(Digits, 5, 5).Select(t => $"9{d}A{t}")));

    private static readonly Gen<string> ProcedureCode = Gen.OneOf(
        Chars(Digits, 5, 5),
        Gen.Elements(Upper.ToCharArray()).SelectMany(l => Chars(Digits, 4, 4).Select(d => $"{l}{d}")));

    private static readonly Gen<string> Icd10 =
        Gen.Elements(Upper.ToCharArray()).SelectMany(l => Chars(Digits, 2, 2).SelectMany(d => Chars(Upper + Digits, 0, 4).Select(t => $"{l}{d}{t}")));

    private static readonly Gen<LineSpec> Line =
        from code in ProcedureCode
        from modifiers in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Chars(Upper + Digits, 2, 2), n))
        from cents in Gen.Choose(1, 9_999_999)
        from unitBasis in Gen.Elements("UN", "MJ")
        from units in Gen.Choose(1, 999)
        from start in Day
        from length in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 30)))
        from auth in Optional(Chars(Digits, 11, 11))
        from emergency in Gen.Elements(false, false, true)
        from ndc in Optional(Chars(Digits, 11, 11))
        from quantity in Gen.Choose(1, 500)
        select new LineSpec(code, modifiers, cents / 100m, unitBasis, units, start, start.AddDays(length), auth, emergency, ndc, ndc is null ? null : quantity);

    private static readonly Gen<ClaimSpec> Claim =
        from pcn in Chars(Upper + Digits, 1, 20)
        from billing in Npi
        from member in MemberId
        from pos in Gen.Elements("11", "12", "19", "21", "22", "23", "49")
        from auth in Optional(Chars(Digits, 11, 11))
        from referring in Optional(Npi)
        from diagnoses in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Icd10, n))
        from lines in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Line, n))
        select new ClaimSpec(pcn, billing, member, pos, auth, referring, diagnoses, lines);

    public static readonly Gen<Sample837> Sample =
        from count in Gen.Choose(1, 5)
        from claims in Gen.ArrayOf(Claim, count)
        from delimiters in Gen.Elements(Safe)
        select new Sample837(claims, delimiters);

    private static readonly Gen<Corrupted837> Corruption =
        from sample in Sample
        from kind in Gen.Choose(0, 3)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select Damage(sample, kind, new Random(seed));

    private static Corrupted837 Damage(Sample837 sample, int kind, Random random)
    {
        var bytes = Encoding.Latin1.GetBytes(sample.Text);
        switch (kind)
        {
            case 0:
            {
                var flips = random.Next(1, 6);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return new Corrupted837(sample, $"{flips} byte flips", bytes);
            }

            case 1:
            {
                var length = random.Next(bytes.Length);
                return new Corrupted837(sample, $"truncated to {length}", bytes[..length]);
            }

            case 2:
            {
                var terminator = sample.Delimiters.Terminator;
                var segments = sample.Text.Split(terminator).ToList();
                var deletions = random.Next(1, 4);
                for (var i = 0; i < deletions && segments.Count > 1; i++)
                {
                    segments.RemoveAt(random.Next(segments.Count));
                }

                return new Corrupted837(sample, $"{deletions} segments deleted", Encoding.Latin1.GetBytes(string.Join(terminator, segments)));
            }

            default:
            {
                // Swap a delimiter for another one, which shifts every element or segment boundary.
                var text = sample.Text;
                var from = text[random.Next(text.Length)];
                var to = "*:^~|>_\n"[random.Next(8)];
                return new Corrupted837(sample, $"every '{from}' replaced by '{to}'", Encoding.Latin1.GetBytes(text.Replace(from, to)));
            }
        }
    }

    /// <summary>FsCheck registration: <c>[Property(Arbitrary = [typeof(Generated837)])]</c>.</summary>
    public static Arbitrary<Sample837> Samples() => Arb.From(Sample);

    public static Arbitrary<Corrupted837> Corruptions() => Arb.From(Corruption);
}
