using System.Diagnostics.CodeAnalysis;

namespace OpenCcs.Core.Identifiers;

/// <summary>
/// Client Index Number: 9 characters, a leading 9, seven digits and a letter (DOMAIN.md §10).
/// Where a CIN is expected a 14-character BIC ID is accepted and reduced to its CIN.
/// </summary>
public readonly record struct Cin : IParsable<Cin>
{
    private readonly string? _value;

    private Cin(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("An empty CIN has no value.");

    public bool IsEmpty => _value is null;

    public static bool IsValidCin(ReadOnlySpan<char> s) =>
        s.Length == 9 && s[0] == '9' && Luhn.IsAllDigits(s[1..8]) && char.IsAsciiLetter(s[8]);

    /// <summary>Parses a CIN, or a BIC ID whose first nine characters are the CIN.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Cin result)
    {
        result = default;
        if (s is null) return false;
        var text = s.Trim().ToUpperInvariant();
        if (text.Length == 14 && BicId.TryParse(text, provider, out var bic))
        {
            result = bic.Cin;
            return true;
        }
        if (!IsValidCin(text)) return false;
        result = new Cin(text);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out Cin result) => TryParse(s, null, out result);

    public static Cin Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var cin)
            ? cin
            : throw new FormatException($"'{s}' is not a CIN: it must be 9 characters, begin with 9, have 7 digits and end with a letter (or be a 14-character BIC ID).");

    public override string ToString() => _value ?? string.Empty;
}
