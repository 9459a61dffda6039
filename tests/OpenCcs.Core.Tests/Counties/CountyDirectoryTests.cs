using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Tests.Counties;

public class CountyDirectoryTests
{
    [Fact]
    public void Directory_holds_all_58_counties_in_code_order()
    {
        var directory = CountyBuilder.Directory();

        Assert.Equal(58, directory.All.Count);
        Assert.Equal(Enumerable.Range(1, 58), directory.All.Select(c => c.Code.Value));
    }

    [Fact]
    public void Directory_with_fewer_than_58_counties_is_rejected()
    {
        var counties = CountyBuilder.All().Take(57);

        var error = Assert.Throws<ArgumentException>(() => new CountyDirectory(counties));
        Assert.Contains("58", error.Message);
    }

    [Fact]
    public void Directory_with_a_county_code_used_twice_is_rejected()
    {
        var counties = CountyBuilder.All();
        counties[57] = new County(CountyCode.From(57), "Yuba", "06115", [CountyBuilder.Classic(CountyBuilder.Start)]);

        var error = Assert.Throws<ArgumentException>(() => new CountyDirectory(counties));
        Assert.Contains("57", error.Message);
    }

    [Fact]
    public void Directory_with_a_county_name_used_twice_is_rejected()
    {
        var counties = CountyBuilder.All();
        counties[57] = new County(CountyCode.From(58), "YOLO", "06115", [CountyBuilder.Classic(CountyBuilder.Start)]);

        var error = Assert.Throws<ArgumentException>(() => new CountyDirectory(counties));
        Assert.Contains("YOLO", error.Message);
    }

    [Fact]
    public void Directory_with_a_fips_code_used_twice_is_rejected()
    {
        var counties = CountyBuilder.All();
        counties[57] = new County(CountyCode.From(58), "Yuba", "06113", [CountyBuilder.Classic(CountyBuilder.Start)]);

        var error = Assert.Throws<ArgumentException>(() => new CountyDirectory(counties));
        Assert.Contains("06113", error.Message);
    }

    [Fact]
    public void County_is_found_by_code_by_name_ignoring_case_and_by_fips()
    {
        var directory = CountyBuilder.Directory();

        Assert.Equal("Los Angeles", directory.Get(CountyCode.From(19)).Name);
        Assert.Equal(CountyCode.From(19), directory.FindByName("los angeles")?.Code);
        Assert.Equal(CountyCode.From(19), directory.FindByName("Los Angeles County")?.Code);
        Assert.Equal("Fresno", directory.FindByFips("06019")?.Name);
        Assert.Null(directory.FindByName("Springfield"));
        Assert.Null(directory.FindByFips("06999"));
    }

    [Fact]
    public void Empty_county_code_names_no_county()
    {
        var directory = CountyBuilder.Directory();

        Assert.Throws<ArgumentException>(() => directory.Get(default));
    }

    [Fact]
    public void County_fips_code_must_be_06_and_three_digits()
    {
        Assert.Throws<ArgumentException>(() =>
            new County(CountyCode.From(1), "Alameda", "6001", [CountyBuilder.Classic(CountyBuilder.Start)]));
        Assert.Throws<ArgumentException>(() =>
            new County(CountyCode.From(1), "Alameda", "32001", [CountyBuilder.Classic(CountyBuilder.Start)]));
    }
}
