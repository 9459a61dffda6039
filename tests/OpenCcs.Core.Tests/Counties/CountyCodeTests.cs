using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Tests.Counties;

public class CountyCodeTests
{
    [Theory]
    [InlineData("01", 1)]
    [InlineData("19", 19)]
    [InlineData("58", 58)]
    [InlineData(" 07 ", 7)]
    public void County_code_is_two_digits_from_01_to_58(string text, int expected)
    {
        var code = CountyCode.Parse(text);

        Assert.Equal(expected, code.Value);
        Assert.False(code.IsEmpty);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("59")]
    [InlineData("1a")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("001")]
    [InlineData("-1")]
    [InlineData(null)]
    public void County_code_outside_01_to_58_or_not_two_digits_is_rejected(string? text)
    {
        Assert.False(CountyCode.TryParse(text, out var code));
        Assert.True(code.IsEmpty);
    }

    [Fact]
    public void Parsing_an_invalid_county_code_says_what_is_expected()
    {
        var error = Assert.Throws<FormatException>(() => CountyCode.Parse("59"));

        Assert.Contains("01 to 58", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(-3)]
    public void County_code_from_a_number_outside_1_to_58_is_out_of_range(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CountyCode.From(value));
    }

    [Theory]
    [InlineData(1, "01")]
    [InlineData(9, "09")]
    [InlineData(58, "58")]
    public void County_code_prints_as_two_digits(int value, string expected)
    {
        Assert.Equal(expected, CountyCode.From(value).ToString());
    }

    [Fact]
    public void Default_county_code_is_empty_and_has_no_value()
    {
        var empty = default(CountyCode);

        Assert.True(empty.IsEmpty);
        Assert.Equal(string.Empty, empty.ToString());
        Assert.Throws<InvalidOperationException>(() => empty.Value);
    }

    [Fact]
    public void County_codes_with_the_same_number_are_equal()
    {
        Assert.Equal(CountyCode.From(19), CountyCode.Parse("19"));
        Assert.NotEqual(CountyCode.From(19), CountyCode.From(20));
    }
}
