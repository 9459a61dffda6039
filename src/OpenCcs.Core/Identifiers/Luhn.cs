namespace OpenCcs.Core.Identifiers;

/// <summary>The Luhn (mod 10) check digit used by NPIs and SAR numbers.</summary>
public static class Luhn
{
    /// <summary>Computes the check digit to append to <paramref name="digits"/>.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9) throw new ArgumentException("Only digits can carry a Luhn check digit.", nameof(digits));
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return s.Length > 0;
    }
}
