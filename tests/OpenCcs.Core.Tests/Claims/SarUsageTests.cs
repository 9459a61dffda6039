using OpenCcs.Core.Claims;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Rule 8 counts the units earlier lines of a run billed on each SAR line, and nothing else.</summary>
public class SarUsageTests
{
    [Fact]
    public void Units_add_up_per_sar_and_line()
    {
        var usage = new SarUsage();
        usage.Add("19000000123", 1, 2m);
        usage.Add("19000000123", 1, 1.5m);
        usage.Add("19000000123", 2, 4m);

        Assert.Equal(3.5m, usage.UsedOn("19000000123", 1));
        Assert.Equal(4m, usage.UsedOn("19000000123", 2));
        Assert.Equal(0m, usage.UsedOn("19000000131", 1));
    }

    [Fact]
    public void Numbers_that_differ_only_by_leading_zeros_are_different_sars()
    {
        var usage = new SarUsage();
        usage.Add("0123", 1, 5m);

        Assert.Equal(0m, usage.UsedOn("123", 1));
        Assert.Equal(5m, usage.UsedOn("0123", 1));
    }

    [Theory]
    [InlineData("SAR-123")]
    [InlineData("1900000012345678")]
    [InlineData("")]
    public void Numbers_that_are_not_short_digit_strings_are_counted_by_their_text(string number)
    {
        var usage = new SarUsage();
        usage.Add(number, 3, 2m);
        usage.Add(number, 3, 1m);

        Assert.Equal(3m, usage.UsedOn(number, 3));
        Assert.Equal(0m, usage.UsedOn(number, 4));
    }
}
