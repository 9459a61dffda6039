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
    public void Corrupted_837P_maps_the_same_or_fails_the_same_way(Corrupted837 damaged) => MapsTheSameOrFailsTheSameWay(damaged);

    [Property(Arbitrary = [typeof(Generated837I)], MaxTest = 150)]
    public void Generated_837I_maps_the_same_straight_to_the_claim_check(Sample837I sample)
    {
        Assert.Equal(ThroughClaim837(() => new Claim837Reader(new StringReader(sample.Text))), Straight(() => new Claim837Reader(new StringReader(sample.Text))));
    }

    [Property(Arbitrary = [typeof(Generated837I)], MaxTest = 150)]
    public void Corrupted_837I_maps_the_same_or_fails_the_same_way(Corrupted837 damaged) => MapsTheSameOrFailsTheSameWay(damaged);

    private static void MapsTheSameOrFailsTheSameWay(Corrupted837 damaged) =>
        Assert.Equal(ThroughClaim837(() => new Claim837Reader(new MemoryStream(damaged.Bytes))), Straight(() => new Claim837Reader(new MemoryStream(damaged.Bytes))));

    [Theory]
    [InlineData(X12Text.Institutional, "CLM*I1*920***11:A:1*Y*A*Y*Y", "DTP*434*RD8*20260301-20260305", "CL1*1*1*01", "LX*1", "SV2*0174**900*DA*5", "LX*2", "SV2*0300*HC:85025*20*UN*1", "DTP*472*D8*20260302")]
    [InlineData(X12Text.Institutional, "CLM*I2*900***13:A:1*Y*A*Y*Y", "CL1*1*7*01", "LX*1", "SV2*0681**500*UN*1", "DTP*472*D8*20260301")]
    [InlineData(X12Text.Professional, "CLM*P1*30***23:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:99284*10*UN*1***1**Y", "LX*2", "SV1*HC:99285*20*UN*1***1")]
    public void Statement_periods_emergencies_and_trauma_map_the_same_straight_to_the_claim_check(string guide, params string[] claimSegments)
    {
        var text = X12Text.Interchange(guide, X12Text.ProfessionalBody(claimSegments));

        Assert.Equal(ThroughClaim837(() => new Claim837Reader(new StringReader(text))), Straight(() => new Claim837Reader(new StringReader(text))));
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
