using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenCcs.Core.Counties;

/// <summary>
/// The two-digit CCS county code, 01 to 58, numbering the 58 California counties in alphabetical
/// order of their names (01 Alameda … 58 Yuba). Every constructed value is valid; only
/// <c>default(CountyCode)</c> holds no county, and <see cref="IsEmpty"/> reports it.
/// </summary>
public readonly record struct CountyCode : IParsable<CountyCode>
{
    public const int Min = 1;
    public const int Max = 58;

    private readonly byte _value;

    private CountyCode(int value) => _value = (byte)value;

    /// <summary>The code as a number, 1 to 58.</summary>
    public int Value => IsEmpty
        ? throw new InvalidOperationException("An empty county code (default(CountyCode)) has no value.")
        : _value;

    /// <summary>True only for <c>default(CountyCode)</c>, which names no county.</summary>
    public bool IsEmpty => _value == 0;

    public static CountyCode From(int value) =>
        value is >= Min and <= Max
            ? new CountyCode(value)
            : throw new ArgumentOutOfRangeException(nameof(value), value,
                $"A CCS county code is a number from {Min:00} to {Max:00}; {value} is not one.");

    /// <summary>Accepts exactly two ASCII digits ("01" … "58"), ignoring surrounding white space.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CountyCode result)
    {
        result = default;
        if (s is null) return false;
        var text = s.AsSpan().Trim();
        if (text.Length != 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1])) return false;
        var number = (text[0] - '0') * 10 + (text[1] - '0');
        if (number is < Min or > Max) return false;
        result = new CountyCode(number);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out CountyCode result) => TryParse(s, null, out result);

    public static CountyCode Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var code)
            ? code
            : throw new FormatException($"'{s}' is not a CCS county code: expected two digits from {Min:00} to {Max:00}, for example 19 for Los Angeles.");

    public static CountyCode Parse(string s) => Parse(s, null);

    /// <summary>Two digits, for example "01"; empty text for <c>default(CountyCode)</c>.</summary>
    public override string ToString() => IsEmpty ? string.Empty : _value.ToString("00", CultureInfo.InvariantCulture);
}
