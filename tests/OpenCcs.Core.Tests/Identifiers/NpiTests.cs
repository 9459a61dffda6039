using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Tests.Identifiers;

public class NpiTests
{
    public static readonly TheoryData<string> KnownValidNpis = ["1234567893", "1245319599", "1003000126"];

    [Theory]
    [MemberData(nameof(KnownValidNpis))]
    public void Npi_with_a_luhn_check_digit_over_the_80840_prefix_is_accepted(string text)
    {
        var npi = Npi.Parse(text);

        Assert.Equal(text, npi.Value);
        Assert.Equal(text, npi.ToString());
        Assert.False(npi.IsEmpty);
    }

    [Fact]
    public void Npi_with_wrong_check_digit_is_rejected()
    {
        Assert.False(Npi.TryParse("1234567890", out var npi));
        Assert.True(npi.IsEmpty);
    }

    [Fact]
    public void Npi_check_digit_uses_the_80840_prefix_not_plain_luhn()
    {
        // Plain Luhn over the first nine digits of 1234567893 would give 7; the 80840 prefix gives 3.
        Assert.Equal(7, Luhn.CheckDigit("123456789"));
        Assert.False(Npi.TryParse("1234567897", out _));
    }

    [Theory]
    [MemberData(nameof(KnownValidNpis))]
    public void Changing_any_single_digit_of_a_valid_npi_makes_it_invalid(string valid)
    {
        for (var position = 0; position < valid.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position]) continue;
                var changed = string.Concat(valid.AsSpan(0, position), digit.ToString(), valid.AsSpan(position + 1));

                Assert.False(Npi.TryParse(changed, out _), $"{changed} (position {position} changed) should not be a valid NPI");
            }
        }
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("12345678931")]
    [InlineData("123456789A")]
    [InlineData("12345 7893")]
    [InlineData("")]
    [InlineData(null)]
    public void Npi_that_is_not_ten_digits_is_rejected(string? text)
    {
        Assert.False(Npi.TryParse(text, out _));
    }

    [Fact]
    public void Npi_surrounded_by_white_space_is_trimmed()
    {
        Assert.Equal("1234567893", Npi.Parse(" 1234567893 ").Value);
    }

    [Fact]
    public void Parsing_a_wrong_npi_names_the_check_digit()
    {
        var error = Assert.Throws<FormatException>(() => Npi.Parse("1234567890"));

        Assert.Contains("'1234567890'", error.Message);
        Assert.Contains("check digit", error.Message);
    }

    [Theory]
    [InlineData("123456789", "1234567893")]
    [InlineData("124531959", "1245319599")]
    public void Npi_from_its_first_nine_digits_gets_the_known_check_digit(string firstNine, string expected)
    {
        Assert.Equal(expected, Npi.FromFirstNine(firstNine).Value);
    }

    [Fact]
    public void Every_npi_built_from_nine_digits_parses_back_to_itself()
    {
        var random = new Random(20260302);
        for (var i = 0; i < 500; i++)
        {
            var firstNine = random.Next(100_000_000, 300_000_000).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);

            var npi = Npi.FromFirstNine(firstNine);

            Assert.StartsWith(firstNine, npi.Value);
            Assert.Equal(npi, Npi.Parse(npi.Value));
        }
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678X")]
    public void Npi_cannot_be_built_from_anything_but_nine_digits(string firstNine)
    {
        Assert.Throws<ArgumentException>(() => Npi.FromFirstNine(firstNine));
    }

    [Fact]
    public void Default_npi_is_empty_and_has_no_value()
    {
        var npi = default(Npi);

        Assert.True(npi.IsEmpty);
        Assert.Equal("", npi.ToString());
        Assert.Throws<InvalidOperationException>(() => npi.Value);
    }
}
