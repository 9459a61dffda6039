using System.Globalization;

namespace OpenCcs.Web.Tests.Claims;

/// <summary>
/// A small 837P (005010X222A1) as a billing office would send it: one billing provider, one subscriber (the child),
/// claims with a REF*G1 SAR number and service lines dated 2026-12-05. Knows the segment number of each LX.
/// </summary>
public sealed record X12File(IReadOnlyList<string> Segments, IReadOnlyList<int> LineSegments)
{
    public sealed record Claim(string Reference, string? SarNumber, IReadOnlyList<(string Code, decimal Units)> Lines);

    public string Text => string.Join("~\n", Segments) + "~\n";

    /// <summary>Third-party X12 files in shared/testdata/x12 beside the repository, found by walking up from the test binaries.</summary>
    public static string SharedTestData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata", "x12");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/testdata/x12 folder above {AppContext.BaseDirectory}; clone the shared data beside the repository.");
    }

    public static X12File Professional(string billingNpi, string cin, params Claim[] claims)
    {
        var segments = new List<string>
        {
            "ISA*00*          *00*          *ZZ*OPENCCSTEST    *ZZ*CCSFI          *261123*1200*^*00501*000000101*0*T*:",
            "GS*HC*OPENCCSTEST*CCSFI*20261123*1200*101*X*005010X222A1",
        };
        var st = segments.Count;
        segments.AddRange(
        [
            "ST*837*0001*005010X222A1",
            "BHT*0019*00*BATCH101*20261123*1200*CH",
            "NM1*41*2*SUNRISE PEDIATRIC SPECIALISTS*****46*OPENCCSTEST",
            "PER*IC*BILLING OFFICE*TE*2135550100",
            "NM1*40*2*CCS FISCAL INTERMEDIARY*****46*CCSFI",
            "HL*1**20*1",
            $"NM1*85*2*SUNRISE PEDIATRIC SPECIALISTS*****XX*{billingNpi}",
            "N3*100 MAIN ST",
            "N4*LOS ANGELES*CA*900121234",
            "REF*EI*954321987",
            "HL*2*1*22*0",
            "SBR*P*18*******MC",
            $"NM1*IL*1*PATIENT*PAT****MI*{cin}",
            "N3*1 ELM ST",
            "N4*LOS ANGELES*CA*900121234",
            "DMG*D8*20150430*F",
            "NM1*PR*2*CALIFORNIA CHILDRENS SERVICES*****PI*CCS",
        ]);
        var lineSegments = new List<int>();
        foreach (var claim in claims)
        {
            var total = claim.Lines.Sum(l => 50m * l.Units);
            segments.Add($"CLM*{claim.Reference}*{total.ToString(CultureInfo.InvariantCulture)}***11:B:1*Y*A*Y*Y");
            if (claim.SarNumber is { } sar) segments.Add($"REF*G1*{sar}");
            segments.Add("HI*ABK:Q210");
            for (var i = 0; i < claim.Lines.Count; i++)
            {
                var (code, units) = claim.Lines[i];
                segments.Add($"LX*{i + 1}");
                lineSegments.Add(segments.Count);
                segments.Add($"SV1*HC:{code}*{(50m * units).ToString(CultureInfo.InvariantCulture)}*UN*{units.ToString(CultureInfo.InvariantCulture)}***1");
                segments.Add("DTP*472*D8*20261205");
            }
        }
        segments.Add($"SE*{segments.Count - st + 1}*0001");
        segments.Add("GE*1*101");
        segments.Add("IEA*1*000000101");
        return new X12File(segments, lineSegments);
    }
}
