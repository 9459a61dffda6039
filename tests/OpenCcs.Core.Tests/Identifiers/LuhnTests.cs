using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Tests.Identifiers;

public class LuhnTests
{
    [Theory]
    [InlineData("7992739871", 3)]
    [InlineData("80840123456789", 3)]
    [InlineData("0", 0)]
    [InlineData("1", 8)]
    public void Check_digit_is_the_luhn_mod_10_digit(string digits, int expected)
    {
        Assert.Equal(expected, Luhn.CheckDigit(digits));
    }

    [Fact]
    public void Check_digit_of_text_with_a_non_digit_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Luhn.CheckDigit("12A4"));

        Assert.Contains("digits", error.Message);
    }

    [Theory]
    [InlineData("0123456789", true)]
    [InlineData("12 4", false)]
    [InlineData("١٢٣", false)]
    [InlineData("", false)]
    public void Only_ascii_digits_count_as_digits(string text, bool expected)
    {
        Assert.Equal(expected, Luhn.IsAllDigits(text));
    }
}
