using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Tests.Identifiers;

public class CinTests
{
    [Theory]
    [InlineData("91234567A")]
    [InlineData("90000000Z")]
    [InlineData("99999999B")]
    public void Cin_is_a_9_then_seven_digits_then_a_letter(string text)
    {
        var cin = Cin.Parse(text);

        Assert.Equal(text, cin.Value);
        Assert.Equal(text, cin.ToString());
        Assert.False(cin.IsEmpty);
    }

    [Fact]
    public void Lower_case_check_letter_is_normalised_to_upper_case()
    {
        Assert.Equal("91234567A", Cin.Parse("91234567a").Value);
        Assert.Equal(Cin.Parse("91234567A"), Cin.Parse("91234567a"));
    }

    [Fact]
    public void Surrounding_white_space_is_trimmed()
    {
        Assert.Equal("91234567A", Cin.Parse("  91234567A\t").Value);
    }

    [Theory]
    [InlineData("9123456A")]
    [InlineData("912345678A")]
    [InlineData("81234567A")]
    [InlineData("01234567A")]
    [InlineData("912345678")]
    [InlineData("9123456A7")]
    [InlineData("A12345679")]
    [InlineData("91234X67A")]
    [InlineData("9123 567A")]
    [InlineData("91234567É")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Text_that_is_not_a_cin_is_rejected(string? text)
    {
        Assert.False(Cin.TryParse(text, out var cin));
        Assert.True(cin.IsEmpty);
    }

    [Fact]
    public void Parsing_a_wrong_cin_explains_the_format()
    {
        var error = Assert.Throws<FormatException>(() => Cin.Parse("81234567A"));

        Assert.Contains("'81234567A'", error.Message);
        Assert.Contains("begin with 9", error.Message);
    }

    [Theory]
    [InlineData("91234567A54123")]
    [InlineData("91234567a54123")]
    [InlineData(" 91234567A09001 ")]
    public void Bic_id_given_where_a_cin_is_expected_is_reduced_to_its_cin(string bicId)
    {
        Assert.Equal(Cin.Parse("91234567A"), Cin.Parse(bicId));
    }

    [Fact]
    public void Fourteen_characters_that_are_not_a_bic_id_are_not_a_cin()
    {
        Assert.False(Cin.TryParse("91234567A54000", out _));
        Assert.False(Cin.TryParse("81234567A54123", out _));
    }

    [Fact]
    public void Default_cin_is_empty_and_has_no_value()
    {
        var cin = default(Cin);

        Assert.True(cin.IsEmpty);
        Assert.Equal("", cin.ToString());
        Assert.Throws<InvalidOperationException>(() => cin.Value);
    }
}
