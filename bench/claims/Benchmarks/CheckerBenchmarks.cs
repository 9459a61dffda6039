using BenchmarkDotNet.Attributes;
using OpenCcs.Core.Claims;
using OpenCcs.Data.Reference;
using OpenCcs.X12.Claims;

namespace OpenCcs.Bench.Claims.Benchmarks;

/// <summary>The rule engine alone: every claim of a generated file checked against in-memory facts, one SarUsage per run.</summary>
[MemoryDiagnoser]
public class CheckerBenchmarks
{
    private ClaimChecker _checker = null!;
    private InMemoryFacts _facts = null!;
    private List<ClaimToCheck> _claims = [];

    [Params(100_000)]
    public int ServiceLines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var world = BenchWorld.Create(ServiceLines, seed: 2026);
        using var memory = new MemoryStream();
        new Claim837FileWriter(world, seed: 2027).Write(memory, ServiceLines);
        memory.Position = 0;
        using var reader = new Claim837Reader(memory);
        _claims = reader.ReadClaims().Select(c => c.ToClaimToCheck()).ToList();
        _facts = new InMemoryFacts(world);
        _checker = new ClaimChecker(ServiceCodeGroupTableLoader.Load());
    }

    [Benchmark(Description = "check every claim of the file")]
    public int CheckAll()
    {
        var usage = new SarUsage();
        var paying = 0;
        foreach (var claim in _claims)
        {
            paying += _checker.Check(claim, _facts, usage).Pays ? 1 : 0;
        }

        return paying;
    }
}
