using System.Diagnostics;
using OpenCcs.X12;
using OpenCcs.X12.Claims;

namespace OpenCcs.Bench.Claims;

/// <summary>The reader on its own, for profiling: no database, no rules, no output but a count.</summary>
internal static class ReadOnly
{
    public static int Run(string mode, string path)
    {
        var clock = Stopwatch.StartNew();
        long claims = 0, lines = 0, segments = 0;
        var bytes = new FileInfo(path).Length;
        using var stream = File.OpenRead(path);
        if (mode == "segments")
        {
            using var reader = new X12SegmentReader(stream);
            while (reader.Read())
            {
                segments++;
            }
        }
        else
        {
            using var reader = new Claim837Reader(stream);
            // The path ccs claims check takes: straight to ClaimToCheck, no Claim837 records.
            foreach (var claim in reader.ReadClaimsToCheck())
            {
                claims++;
                lines += claim.Claim.Lines.Count;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{mode}: {segments:N0} segments, {claims:N0} claims, {lines:N0} lines in {seconds:0.000} s ({lines / seconds:N0} lines/s, {bytes / seconds / 1048576:0.0} MB/s), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576:N0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms");
        return 0;
    }
}
