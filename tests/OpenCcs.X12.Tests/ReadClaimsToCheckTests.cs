using System.Text.Json;
using FsCheck.Xunit;
using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

/// <summary>
/// <see cref="Claim837Reader.ReadClaimsToCheck"/> (what <c>ccs claims check</c> reads with) must give exactly what
/// <see cref="Claim837Reader.ReadClaims"/> followed by <see cref="ClaimCheckMapping.ToClaimToCheck"/> gives.
/// </summary>
public sealed class ReadClaimsToCheckTests
{
    public static TheoryData<string> Files() => new(TestData.Find837Files().Select(TestData.Relative).Order());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_testdata_file_maps_the_same_straight_to_the_claim_check(string relative)
    {
        var path = TestData.X12(relative);

        Assert.Equal(ThroughClaim837(() => new Claim837Reader(File.OpenRead(path))), Straight(() => new Claim837Reader(File.OpenRead(path))));
    }

    [Property(Arbitrary = [typeof(Generated837)], MaxTest = 150)]
    public void Generated_837P_maps_the_same_straight_to_the_claim_check(Sample837 sample)
    {
        Assert.Equal(ThroughClaim837(() => new Claim837Reader(new StringReader(sample.Text))), Straight(() => new Claim837Reader(new StringReader(sample.Text))));
    }

    [Property(Arbitrary = [typeof(Generated837)], MaxTest = 150)]
    public void Corrupted_837_maps_the_same_or_fails_the_same_way(Corrupted837 damaged)
    {
        Assert.Equal(ThroughClaim837(() => new Claim837Reader(new MemoryStream(damaged.Bytes))), Straight(() => new Claim837Reader(new MemoryStream(damaged.Bytes))));
    }

    // Each claim as JSON (records holding arrays do not compare by value), then the reader's warnings or its error.
    private static List<string> ThroughClaim837(Func<Claim837Reader> open)
    {
        var seen = new List<string>();
        using var reader = open();
        try
        {
            foreach (var claim in reader.ReadClaims())
            {
                seen.Add(Describe(claim.ToClaimToCheck(), claim.SegmentNumber, claim.Problems));
            }
        }
        catch (X12Exception e)
        {
            seen.Add("error: " + e.Message);
        }

        seen.Add(JsonSerializer.Serialize(reader.Issues));
        return seen;
    }

    private static List<string> Straight(Func<Claim837Reader> open)
    {
        var seen = new List<string>();
        using var reader = open();
        try
        {
            foreach (var claim in reader.ReadClaimsToCheck())
            {
                seen.Add(Describe(claim.Claim, claim.SegmentNumber, claim.Problems));
            }
        }
        catch (X12Exception e)
        {
            seen.Add("error: " + e.Message);
        }

        seen.Add(JsonSerializer.Serialize(reader.Issues));
        return seen;
    }

    private static string Describe(Core.Claims.ClaimToCheck claim, int segment, IReadOnlyList<X12Issue> problems) =>
        $"{segment} {JsonSerializer.Serialize(claim)} {JsonSerializer.Serialize(problems)}";
}
