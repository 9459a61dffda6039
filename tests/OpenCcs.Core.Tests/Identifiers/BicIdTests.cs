using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Tests.Identifiers;

public class BicIdTests
{
    [Fact]
    public void Bic_id_is_the_cin_a_check_digit_and_a_julian_issue_date()
    {
        var bic = BicId.Parse("91234567A54123");

        Assert.Equal("91234567A54123", bic.Value);
        Assert.Equal(Cin.Parse("91234567A"), bic.Cin);
        Assert.Equal(123, bic.IssueDayOfYear);
    }

    [Fact]
    public void Bic_id_is_normalised_to_upper_case_and_trimmed()
    {
        var bic = BicId.Parse(" 91234567a54123 ");

        Assert.Equal("91234567A54123", bic.Value);
    }

    [Fact]
    public void Reissued_cards_differ_as_bic_ids_but_name_the_same_cin()
    {
        var first = BicId.Parse("91234567A54123");
        var reissued = BicId.Parse("91234567A76045");

        Assert.NotEqual(first, reissued);
        Assert.Equal(first.Cin, reissued.Cin);
    }

    [Theory]
    [InlineData("91234567A50001", 1)]
    [InlineData("91234567A50366", 366)]
    public void Issue_day_runs_from_001_to_366(string text, int day)
    {
        Assert.Equal(day, BicId.Parse(text).IssueDayOfYear);
    }

    [Theory]
    [InlineData("91234567A50000")]
    [InlineData("91234567A50367")]
    [InlineData("91234567A50999")]
    public void Issue_day_outside_the_year_is_rejected(string text)
    {
        Assert.False(BicId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("91234567AX4123")]
    [InlineData("91234567A-4123")]
    [InlineData("91234567A5412X")]
    [InlineData("91234567A 4123")]
    public void Check_digit_and_julian_date_must_be_digits(string text)
    {
        Assert.False(BicId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("91234567A")]
    [InlineData("91234567A5412")]
    [InlineData("91234567A541234")]
    [InlineData("81234567A54123")]
    [InlineData("9123456AB54123")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_is_not_a_cin_followed_by_five_digits_is_rejected(string? text)
    {
        Assert.False(BicId.TryParse(text, out _));
    }

    [Fact]
    public void Parsing_a_wrong_bic_id_explains_the_format()
    {
        var error = Assert.Throws<FormatException>(() => BicId.Parse("91234567A50000"));

        Assert.Contains("'91234567A50000'", error.Message);
        Assert.Contains("Julian issue date", error.Message);
    }

    [Fact]
    public void Default_bic_id_has_no_value()
    {
        var bic = default(BicId);

        Assert.Equal("", bic.ToString());
        Assert.Throws<InvalidOperationException>(() => bic.Value);
    }
}
