using BenchmarkDotNet.Attributes;
using OpenCcs.X12;
using OpenCcs.X12.Claims;

namespace OpenCcs.Bench.Claims.Benchmarks;

/// <summary>The X12 reader on a generated 837P held in memory (no disk, no database).</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _file = [];

    [Params(100_000)]
    public int ServiceLines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var world = BenchWorld.Create(ServiceLines, seed: 2026);
        using var memory = new MemoryStream();
        new Claim837FileWriter(world, seed: 2027).Write(memory, ServiceLines);
        _file = memory.ToArray();
    }

    [Benchmark(Description = "segments only (X12SegmentReader)")]
    public int Segments()
    {
        using var reader = new X12SegmentReader(new MemoryStream(_file, writable: false));
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    [Benchmark(Baseline = true, Description = "claims mapped to ClaimToCheck (Claim837Reader)")]
    public int Claims()
    {
        using var reader = new Claim837Reader(new MemoryStream(_file, writable: false));
        var lines = 0;
        foreach (var claim in reader.ReadClaims())
        {
            lines += claim.ToClaimToCheck().Lines.Count;
        }

        return lines;
    }

    [Benchmark(Description = "claims read straight to ClaimToCheck (ReadClaimsToCheck, as ccs claims check)")]
    public int ClaimsToCheck()
    {
        using var reader = new Claim837Reader(new MemoryStream(_file, writable: false));
        var lines = 0;
        foreach (var claim in reader.ReadClaimsToCheck())
        {
            lines += claim.Claim.Lines.Count;
        }

        return lines;
    }
}
