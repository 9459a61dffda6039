using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using OpenCcs.Bench.Claims;

// OpenCcs.Bench.Claims generate --lines N --out FILE [--provider Sqlite|Postgres --connection CS] [--seed S]
//   writes an 837P of N service lines and, when a connection is given, the SARs, children and providers it bills against.
// OpenCcs.Bench.Claims read FILE | segments FILE   times the reader alone (claims mapped to the check's input, or segments only).
// OpenCcs.Bench.Claims [BenchmarkDotNet arguments]   runs the reader and rule-engine benchmarks (e.g. --filter '*').
if (args.Length > 0 && args[0] == "generate")
{
    return await Generate(args[1..]);
}

if (args.Length == 2 && args[0] is "read" or "segments")
{
    return ReadOnly.Run(args[0], args[1]);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchWorld).Assembly).Run(args);
return 0;

static async Task<int> Generate(string[] args)
{
    string? Option(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    var lines = int.Parse(Option("--lines") ?? "1000000", CultureInfo.InvariantCulture);
    var seed = int.Parse(Option("--seed") ?? "2026", CultureInfo.InvariantCulture);
    var output = Option("--out") ?? throw new ArgumentException("--out FILE is required.");
    var connection = Option("--connection");
    var provider = Option("--provider") ?? "Sqlite";

    var clock = Stopwatch.StartNew();
    var world = BenchWorld.Create(lines, seed);
    Console.Error.WriteLine($"World: {world.Providers.Count} providers, {world.Children.Count:N0} children, {world.Sars.Count:N0} SARs ({clock.Elapsed.TotalSeconds:0.0} s)");

    await using (var file = File.Create(output))
    {
        var written = new Claim837FileWriter(world, seed + 1).Write(file, lines);
        Console.Error.WriteLine($"837P: {written.Claims:N0} claims, {written.Lines:N0} service lines, {written.TransactionSets} transaction sets, {written.Bytes:N0} bytes -> {output} ({clock.Elapsed.TotalSeconds:0.0} s)");
        foreach (var (reason, count) in written.Intended.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"  {count,8:N0}  {reason}");
        }
    }

    if (connection is not null)
    {
        Console.Error.WriteLine($"Storing in {provider}:");
        await BenchDatabase.StoreAsync(() => BenchDatabase.Open(provider, connection), world, Console.Error.WriteLine);
        Console.Error.WriteLine($"Done ({clock.Elapsed.TotalSeconds:0.0} s).");
    }

    return 0;
}
