using System.Diagnostics.CodeAnalysis;
using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Identifiers;

/// <summary>
/// SAR number [convention, DOMAIN.md §5]: 11 digits — the 2-digit CCS county code, an 8-digit sequence
/// and a Luhn check digit over the first ten.
/// </summary>
public readonly record struct SarNumber : IParsable<SarNumber>
{
    public const long MaxSequence = 99_999_999;

    private readonly string? _value;

    private SarNumber(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("An empty SAR number has no value.");

    public bool IsEmpty => _value is null;

    public CountyCode County => CountyCode.Parse(Value[..2]);

    public long Sequence => long.Parse(Value.AsSpan(2, 8));

    public static SarNumber Create(CountyCode county, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        var body = $"{county.Value:00}{sequence:00000000}";
        return new SarNumber(body + Luhn.CheckDigit(body));
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SarNumber result)
    {
        result = default;
        if (s is null) return false;
        var text = s.Trim();
        if (text.Length != 11 || !Luhn.IsAllDigits(text)) return false;
        if (!CountyCode.TryParse(text[..2], out _)) return false;
        if (Luhn.CheckDigit(text.AsSpan(0, 10)) != text[10] - '0') return false;
        result = new SarNumber(text);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out SarNumber result) => TryParse(s, null, out result);

    public static SarNumber Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var number)
            ? number
            : throw new FormatException($"'{s}' is not a SAR number: it must be 11 digits — a county code 01–58, an 8-digit sequence and a check digit.");

    public override string ToString() => _value ?? string.Empty;
}
