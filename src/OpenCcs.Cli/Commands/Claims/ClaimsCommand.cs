using System.CommandLine;
using System.Text;
using OpenCcs.Core.Claims;
using OpenCcs.Data;
using OpenCcs.Data.Claims;
using OpenCcs.Data.Reference;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>
/// <c>ccs claims check FILE... [--format text|json|csv]</c>: checks 837P/837I files against the SARs in the
/// database with the claim rules of DOMAIN.md §9. Denied lines are results, not failures: the exit code is 0
/// unless a file is missing or cannot be read as X12 (1, with one line per such file on standard error).
/// </summary>
internal static class ClaimsCommand
{
    /// <param name="terminal">Which of the command's streams are a terminal (<see cref="Terminal.Of"/>), for the progress bar.</param>
    public static Command Create(Func<InvocationConfiguration, Terminal> terminal)
    {
        var claims = new Command("claims", "Check claims against their SARs before they are sent.");
        claims.Subcommands.Add(CreateCheck(terminal));
        return claims;
    }

    private static Command CreateCheck(Func<InvocationConfiguration, Terminal> terminal)
    {
        var database = new DatabaseOptions();
        var files = new Argument<string[]>("FILE")
        {
            Description = "837P or 837I (5010) files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (a readable report, the default), json (JSON Lines: one object per claim, then totals) or csv (one row per finding or paying line).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var command = new Command("check",
            "Check 837P/837I files line by line against the SARs in the database: each line pays, or is denied with the rule, its X12 code, why and what to correct. Exit code 1 only when a file cannot be read.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        database.AddTo(command);
        command.SetReportingAction(async (parse, cancellationToken) =>
        {
            var configuration = parse.InvocationConfiguration;
            var chosen = parse.GetValue(format) ?? "text";
            // The facts are read in plain SQL on a connection of their own, with no DbContext: a context would build
            // the EF Core model and its services for two SELECT statements (about 1.2 s of CPU at start-up, and 35 MB).
            var (connection, provider) = database.CreateConnection(parse);
            await using var _ = connection;
            // The audit rows are written on a second connection while the first goes on reading (ClaimFileCheck.AuditReads).
            var (auditConnection, _) = database.CreateConnection(parse);
            await using var __ = auditConnection;
            var output = StandardOutput(configuration.Output, out var ownsOutput);
            try
            {
                var report = ClaimReport.Create(chosen, output);
                var totals = new ClaimTotals();
                var watched = terminal(configuration);
                // The Service Code Grouping table (a JSON file) is read while the first claims are read and their facts loaded.
                var checker = Task.Run(() => new ClaimChecker(ServiceCodeGroupTableLoader.Load()), cancellationToken);
                // Each SAR read is audited as read by this process's account, with one id for the run.
                var actor = BatchActor.ForThisProcess();
                var check = new ClaimFileCheck(checker, ClaimFactsLoader.ForConnection(connection, provider), report, totals)
                {
                    AuditReads = (sars, ct) => ClaimReadAudit.WriteAsync(auditConnection, provider, sars, actor, DateTime.UtcNow, ct),
                    ChunkSize = int.TryParse(Environment.GetEnvironmentVariable("OPENCCS_CLAIMS_CHUNK"), out var size) && size > 0 ? size : ClaimFileCheck.DefaultChunkSize,
                    ProgressFor = (path, size) => ProgressBar.For(watched, chosen, configuration.Error, path, size),
                };
                foreach (var path in parse.GetValue(files) ?? [])
                {
                    totals.Files++;
                    if (await check.CheckAsync(path, cancellationToken) is { } error)
                    {
                        totals.UnreadableFiles++;
                        await configuration.Error.WriteLineAsync($"ccs claims check: {path}: {error}");
                    }
                }

                report.End(totals);
                report.Flush();
                if (Environment.GetEnvironmentVariable("OPENCCS_CLAIMS_STATS") == "1")
                {
                    await configuration.Error.WriteLineAsync(RunStatistics() + "; " + check.Timings);
                }

                return totals.UnreadableFiles == 0 ? 0 : 1;
            }
            finally
            {
                if (ownsOutput)
                {
                    await output.DisposeAsync();
                }
            }
        });
        return command;
    }

    // For benchmarks (bench/claims/run.sh): what the run cost the process.
    private static string RunStatistics()
    {
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"stats: peak working set {process.PeakWorkingSet64 / 1048576} MB, GC heap {gc.HeapSizeBytes / 1048576} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, CPU {process.TotalProcessorTime.TotalSeconds:0.00} s");
    }

    // Console.Out flushes on every write; a report of a million lines goes through one large buffer instead.
    private static TextWriter StandardOutput(TextWriter configured, out bool owns)
    {
        owns = ReferenceEquals(configured, Console.Out);
        return owns
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false }
            : configured;
    }
}
