using System.Diagnostics.CodeAnalysis;

namespace OpenCcs.Core.Identifiers;

/// <summary>National Provider Identifier: 10 digits whose last is a Luhn check digit computed with the prefix 80840.</summary>
public readonly record struct Npi : IParsable<Npi>
{
    private readonly string? _value;

    private Npi(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("An empty NPI has no value.");

    public bool IsEmpty => _value is null;

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Npi result)
    {
        result = default;
        if (s is null) return false;
        var text = s.Trim();
        if (text.Length != 10 || !Luhn.IsAllDigits(text)) return false;
        if (CheckDigitFor(text.AsSpan(0, 9)) != text[9] - '0') return false;
        result = new Npi(text);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out Npi result) => TryParse(s, null, out result);

    public static Npi Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var npi)
            ? npi
            : throw new FormatException($"'{s}' is not an NPI: it must be 10 digits with a valid check digit.");

    /// <summary>Builds an NPI from its first nine digits (used by the demo seed and tests).</summary>
    public static Npi FromFirstNine(string firstNine)
    {
        if (firstNine.Length != 9 || !Luhn.IsAllDigits(firstNine))
            throw new ArgumentException("An NPI starts with nine digits.", nameof(firstNine));
        return new Npi(firstNine + CheckDigitFor(firstNine));
    }

    // 45 CFR 162.406: the check digit is the Luhn digit of the card-issuer prefix 80840 followed by the NPI's first nine digits.
    private static int CheckDigitFor(ReadOnlySpan<char> firstNine)
    {
        Span<char> full = stackalloc char[14];
        "80840".AsSpan().CopyTo(full);
        firstNine.CopyTo(full[5..]);
        return Luhn.CheckDigit(full);
    }

    public override string ToString() => _value ?? string.Empty;
}
