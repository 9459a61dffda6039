namespace OpenCcs.Core.Claims;

/// <summary>
/// The institutional revenue codes that bill inpatient days, which is all a hospital SAR pays (DOMAIN.md §5,
/// reference/000). NUBC UB-04 revenue codes 010X all-inclusive rate, 011X–016X room and board, 017X nursery,
/// 018X leave of absence, 019X subacute care, 020X intensive care and 021X coronary care: 0100–0219.
/// </summary>
public static class AccommodationRevenueCodes
{
    public const int First = 100;
    public const int Last = 219;

    /// <summary>Whether <paramref name="revenueCode"/> (3 or 4 digits, as entered) bills accommodation days.</summary>
    public static bool Contains(string? revenueCode) => TryParse(revenueCode, out var value) && value is >= First and <= Last;

    internal static bool TryParse(string? revenueCode, out int value)
    {
        value = 0;
        if (revenueCode is null) return false;
        var text = revenueCode.AsSpan().Trim();
        if (text.Length is < 3 or > 4) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
