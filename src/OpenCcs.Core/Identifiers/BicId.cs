using System.Diagnostics.CodeAnalysis;

namespace OpenCcs.Core.Identifiers;

/// <summary>
/// Benefits Identification Card ID: the CIN, one check digit and a 4-digit Julian issue date (YDDD).
/// The part after the CIN changes when a card is reissued, so claims always reduce it to the CIN.
/// </summary>
public readonly record struct BicId : IParsable<BicId>
{
    private readonly string? _value;

    private BicId(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("An empty BIC ID has no value.");

    public Cin Cin => Cin.Parse(Value[..9]);

    /// <summary>The issue date's day of the year (001–366) from the Julian date YDDD.</summary>
    public int IssueDayOfYear => int.Parse(Value.AsSpan(11, 3));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BicId result)
    {
        result = default;
        if (s is null) return false;
        var text = s.Trim().ToUpperInvariant();
        if (text.Length != 14 || !Cin.IsValidCin(text.AsSpan(0, 9)) || !Luhn.IsAllDigits(text.AsSpan(9))) return false;
        var day = int.Parse(text.AsSpan(11, 3));
        if (day is < 1 or > 366) return false;
        result = new BicId(text);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out BicId result) => TryParse(s, null, out result);

    public static BicId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var bic)
            ? bic
            : throw new FormatException($"'{s}' is not a BIC ID: it must be the 9-character CIN, a check digit and a 4-digit Julian issue date.");

    public override string ToString() => _value ?? string.Empty;
}
