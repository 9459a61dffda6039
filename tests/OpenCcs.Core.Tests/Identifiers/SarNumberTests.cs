using System.Globalization;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Tests.Identifiers;

public class SarNumberTests
{
    private static readonly CountyCode LosAngeles = CountyCode.From(19);

    [Fact]
    public void Sar_number_is_county_code_then_eight_digit_sequence_then_luhn_check_digit()
    {
        var number = SarNumber.Create(LosAngeles, 12345);

        Assert.Equal("1900012345" + Luhn.CheckDigit("1900012345"), number.Value);
        Assert.Equal(11, number.Value.Length);
        Assert.Equal(LosAngeles, number.County);
        Assert.Equal(12345, number.Sequence);
    }

    [Fact]
    public void Known_sar_number_is_accepted()
    {
        // 0100001234: doubling from the right gives 8+3+4+1+0+0+0+0+2+0 = 18, so the check digit is 2.
        var number = SarNumber.Parse("01000012342");

        Assert.Equal(CountyCode.From(1), number.County);
        Assert.Equal(1234, number.Sequence);
    }

    [Fact]
    public void Every_county_and_sequence_round_trips_through_its_text()
    {
        long[] sequences = [1, 9, 10, 12_345, 9_999_999, 10_000_000, 54_321_987, SarNumber.MaxSequence];
        for (var county = CountyCode.Min; county <= CountyCode.Max; county++)
        {
            foreach (var sequence in sequences)
            {
                var created = SarNumber.Create(CountyCode.From(county), sequence);

                var parsed = SarNumber.Parse(created.ToString());

                Assert.Equal(created, parsed);
                Assert.Equal(county, parsed.County.Value);
                Assert.Equal(sequence, parsed.Sequence);
            }
        }
    }

    [Theory]
    [InlineData("00")]
    [InlineData("59")]
    [InlineData("99")]
    public void Sar_number_for_a_county_outside_01_to_58_is_rejected_even_with_a_correct_check_digit(string county)
    {
        var body = county + "00012345";

        Assert.False(SarNumber.TryParse(body + Luhn.CheckDigit(body), out var number));
        Assert.True(number.IsEmpty);
    }

    [Fact]
    public void Sar_number_with_wrong_check_digit_is_rejected()
    {
        var valid = SarNumber.Create(LosAngeles, 12345).Value;
        for (var digit = '0'; digit <= '9'; digit++)
        {
            if (digit == valid[10]) continue;

            Assert.False(SarNumber.TryParse(valid[..10] + digit, out _), $"{valid[..10]}{digit} has the wrong check digit");
        }
    }

    [Fact]
    public void Changing_any_digit_of_the_sequence_breaks_the_check_digit()
    {
        var valid = SarNumber.Create(LosAngeles, 54_321_987).Value;
        for (var position = 2; position < 10; position++)
        {
            var changed = string.Concat(valid.AsSpan(0, position), ((valid[position] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture), valid.AsSpan(position + 1));

            Assert.False(SarNumber.TryParse(changed, out _), $"{changed} (position {position} changed) should not be valid");
        }
    }

    [Theory]
    [InlineData("1900012345")]
    [InlineData("190001234500")]
    [InlineData("19000123A5X")]
    [InlineData("")]
    [InlineData(null)]
    public void Sar_number_that_is_not_eleven_digits_is_rejected(string? text)
    {
        Assert.False(SarNumber.TryParse(text, out _));
    }

    [Fact]
    public void Sar_number_surrounded_by_white_space_is_trimmed()
    {
        var number = SarNumber.Create(LosAngeles, 12345);

        Assert.Equal(number, SarNumber.Parse($"  {number} "));
    }

    [Fact]
    public void Parsing_a_wrong_sar_number_explains_the_format()
    {
        var error = Assert.Throws<FormatException>(() => SarNumber.Parse("59000123456"));

        Assert.Contains("'59000123456'", error.Message);
        Assert.Contains("01–58", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100_000_000)]
    public void Sequence_must_be_from_1_to_99_999_999(long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SarNumber.Create(LosAngeles, sequence));
    }

    [Fact]
    public void Default_sar_number_is_empty_and_has_no_value()
    {
        var number = default(SarNumber);

        Assert.True(number.IsEmpty);
        Assert.Equal("", number.ToString());
        Assert.Throws<InvalidOperationException>(() => number.Value);
    }
}
