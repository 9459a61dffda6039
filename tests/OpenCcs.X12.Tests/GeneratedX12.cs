using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

/// <summary>Delimiters chosen so none can occur in the generated data (letters, digits, '.', '-').</summary>
public sealed record DelimiterSet(char Element, char Component, char Repetition, string Terminator)
{
    /// <summary>Puts these delimiters into an interchange written with * : ^ ~.</summary>
    public string Into(string text) => X12Text.WithDelimiters(text, Element, Component, Repetition, Terminator);

    public override string ToString() => $"{Element} {Component} {Repetition} {Terminator.Replace("\r", "\\r").Replace("\n", "\\n")}";
}

/// <summary>A damaged copy of a valid file: flipped bytes, a cut, deleted segments or a swapped delimiter.</summary>
public sealed record Corrupted837(string Damage, byte[] Bytes)
{
    public override string ToString() => $"{Damage}\n{Encoding.Latin1.GetString(Bytes)}";
}

/// <summary>What the 837P and 837I generators share: values, delimiters and the damage done to a valid file.</summary>
internal static class GeneratedX12
{
    public const string Digits = "0123456789";
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

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

    public static readonly Gen<DelimiterSet> Delimiters = Gen.Elements(Safe);

    public static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>DTP02 and DTP03 for a date (D8) or a range (RD8).</summary>
    public static (string Format, string Value) Period(DateOnly from, DateOnly to) =>
        from == to ? ("D8", Date(from)) : ("RD8", $"{Date(from)}-{Date(to)}");

    public static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(a => new string(a));

    public static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(value => (T?)value)));

    public static readonly Gen<DateOnly> Day =
        Gen.Choose(0, 365 * 6).Select(n => new DateOnly(2020, 1, 1).AddDays(n));

    /// <summary>Line charges from a cent to 99,999.99.</summary>
    public static readonly Gen<decimal> Charge = Gen.Choose(1, 9_999_999).Select(cents => cents / 100m);

    public static readonly Gen<string> Npi = Chars(Digits, 10, 10);

    public static readonly Gen<string> SarNumber = Chars(Digits, 11, 11);

    public static readonly Gen<string> Ndc = Chars(Digits, 11, 11);

    // CCS members are identified by a CIN (9 + 7 digits + letter) or a 14-character BIC.
    public static readonly Gen<string> Cin =
        Chars(Digits, 7, 7).SelectMany(d => Gen.Elements(Upper.ToCharArray()).Select(l => $"9{d}{l}"));

    public static readonly Gen<string> MemberId = Gen.OneOf(
        Cin,
        Chars(Digits, 7, 7).SelectMany(d => Chars(Digits, 5, 5).Select(t => $"9{d}A{t}")));

    public static readonly Gen<string> ProcedureCode = Gen.OneOf(
        Chars(Digits, 5, 5),
        Gen.Elements(Upper.ToCharArray()).SelectMany(l => Chars(Digits, 4, 4).Select(d => $"{l}{d}")));

    public static readonly Gen<string[]> Modifiers =
        Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Chars(Upper + Digits, 2, 2), n));

    public static readonly Gen<string> Icd10 =
        Gen.Elements(Upper.ToCharArray()).SelectMany(l => Chars(Digits, 2, 2).SelectMany(d => Chars(Upper + Digits, 0, 4).Select(t => $"{l}{d}{t}")));

    /// <summary>Damaged copies of the files <paramref name="valid"/> makes (their text and segment terminator).</summary>
    public static Gen<Corrupted837> Corruptions(Gen<(string Text, string Terminator)> valid) =>
        from file in valid
        from kind in Gen.Choose(0, 3)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select Damage(file.Text, file.Terminator, kind, new Random(seed));

    private static Corrupted837 Damage(string text, string terminator, int kind, Random random)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        switch (kind)
        {
            case 0:
            {
                var flips = random.Next(1, 6);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return new Corrupted837($"{flips} byte flips", bytes);
            }

            case 1:
            {
                var length = random.Next(bytes.Length);
                return new Corrupted837($"truncated to {length}", bytes[..length]);
            }

            case 2:
            {
                var segments = text.Split(terminator).ToList();
                var deletions = random.Next(1, 4);
                for (var i = 0; i < deletions && segments.Count > 1; i++)
                {
                    segments.RemoveAt(random.Next(segments.Count));
                }

                return new Corrupted837($"{deletions} segments deleted", Encoding.Latin1.GetBytes(string.Join(terminator, segments)));
            }

            default:
            {
                // Swap a delimiter for another one, which shifts every element or segment boundary.
                var from = text[random.Next(text.Length)];
                var to = "*:^~|>_\n"[random.Next(8)];
                return new Corrupted837($"every '{from}' replaced by '{to}'", Encoding.Latin1.GetBytes(text.Replace(from, to)));
            }
        }
    }
}

/// <summary>
/// One transaction set's segments between ST and SE, written with * and : as <see cref="X12Text"/> writes them; a
/// sample's own delimiters go in when its interchange is written (<see cref="DelimiterSet.Into"/>).
/// </summary>
internal sealed class TransactionBody
{
    private readonly List<string> _segments = [.. X12Text.Header];
    private int _level;

    public string[] Segments => [.. _segments];

    // Trailing empty elements and components are left out, as X12 requires.
    public void Add(params string[] elements) => _segments.Add(string.Join('*', elements).TrimEnd('*'));

    public static string Composite(params string[] components) => string.Join(':', components).TrimEnd(':');

    /// <summary>HL 20 and NM1*85; returns the HL id that the subscribers under it name as their parent.</summary>
    public string BillingProvider(Provider837 billing)
    {
        var id = NextLevel();
        Add("HL", id, "", "20", "1");
        Name(billing);
        return id;
    }

    /// <summary>HL 22, SBR and NM1*IL (then N3/N4 when asked, and DMG when the birth date is known); returns the HL id.</summary>
    public string Subscriber(string billingLevel, Person837 subscriber, bool patientFollows = false, bool address = false)
    {
        var id = NextLevel();
        Add("HL", id, billingLevel, "22", patientFollows ? "1" : "0");
        // SBR02 18: the subscriber is the patient.
        Add("SBR", "P", patientFollows ? "" : "18", "", "", "", "", "", "", "MC");
        Person("IL", subscriber, address);
        return id;
    }

    /// <summary>HL 23, PAT and NM1*QC: the patient is not the subscriber.</summary>
    public void Patient(string subscriberLevel, Person837 patient, bool address = false)
    {
        Add("HL", NextLevel(), subscriberLevel, "23", "0");
        Add("PAT", "19");
        Person("QC", patient, address);
    }

    public void Name(Provider837 provider) => Add(
        "NM1", provider.EntityCode, provider.IsOrganization ? "2" : "1", provider.LastOrOrganizationName ?? "", provider.FirstName ?? "",
        "", "", "", provider.IdQualifier ?? "", provider.Id ?? "");

    private void Person(string entity, Person837 person, bool address)
    {
        Add("NM1", entity, "1", person.LastName ?? "", person.FirstName ?? "", "", "", "", person.IdQualifier ?? "", person.MemberId ?? "");
        if (address)
        {
            Add("N3", "100-MAIN");
            Add("N4", "SACRAMENTO", "CA", "95814");
        }

        if (person.BirthDate is { } birth)
        {
            Add("DMG", "D8", GeneratedX12.Date(birth), person.Gender ?? "");
        }
    }

    private string NextLevel() => (++_level).ToString(CultureInfo.InvariantCulture);
}
