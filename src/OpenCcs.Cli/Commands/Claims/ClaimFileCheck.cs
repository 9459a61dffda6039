using System.Threading.Channels;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data.Claims;
using OpenCcs.X12;
using OpenCcs.X12.Claims;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>
/// Checks 837 files claim by claim without holding a file in memory, in four stages on their own threads: one reads
/// and maps claims into chunks; one loads what a chunk refers to (its SARs and providers, in a few queries, into a
/// run-wide cache) and hands the chunk on with its own view of those facts; one checks the chunk; and the caller
/// writes the results and drops the chunk. Every stage is a fraction of the work, so both cores stay busy. At most a
/// few chunks exist at once, so memory does not grow with the file. One <see cref="SarUsage"/> serves the whole run
/// (rule 8 counts earlier lines of every file), used by the checking stage alone, in file order.
/// </summary>
internal sealed class ClaimFileCheck(Task<ClaimChecker> checkerReady, ClaimFactsLoader loader, ClaimReport report, ClaimTotals totals)
{
    // Small enough that a chunk's claims mostly die young (cheap for the GC), large enough to batch the queries.
    public const int DefaultChunkSize = 1_000;

    // Between two stages: one chunk waiting while the next is being made.
    private const int ChunksInFlight = 1;

    // Facts kept across chunks so SARs billed again are not fetched again; cleared past this to bound memory
    // (50,000 SARs with their lines are about 40 MB).
    private const int MaxCachedSars = 50_000;

    private readonly ClaimFactsCache _facts = new();

    // Views the checking stage is done with, for the loading stage to refill: a few exist however long the file.
    private readonly System.Collections.Concurrent.ConcurrentQueue<ClaimFactsCache> _spareViews = new();
    private readonly SarUsage _usage = new();
    private readonly System.Diagnostics.Stopwatch _loading = new(), _checking = new(), _writing = new(), _reading = new();
    private long _loadingBytes, _checkingBytes, _writingBytes, _readingBytes;

    // Seconds since the process started: when reading began, when the first chunk was read, loaded, checked and
    // written, and when the checker (with its SCG table) was ready.
    private double _readingBegan = double.NaN, _firstRead = double.NaN, _firstLoaded = double.NaN, _checkerReady = double.NaN,
        _firstChecked = double.NaN, _firstWritten = double.NaN;
    private bool _warm;

    /// <summary>Where the time went (wall clock per phase), for OPENCCS_CLAIMS_STATS.</summary>
    public string Timings =>
        $"after start: reading began at {_readingBegan:0.00} s, the first chunk was read at {_firstRead:0.00} s, loaded {_firstLoaded:0.00} s, " +
        $"checked {_firstChecked:0.00} s (checker ready {_checkerReady:0.00} s), written {_firstWritten:0.00} s; " +
        $"load thread {_loading.Elapsed.TotalSeconds:0.00} s ({Mb(_loadingBytes)}), check {_checking.Elapsed.TotalSeconds:0.00} s ({Mb(_checkingBytes)}), " +
        $"write {_writing.Elapsed.TotalSeconds:0.00} s ({Mb(_writingBytes)}), read+map thread {_reading.Elapsed.TotalSeconds:0.00} s ({Mb(_readingBytes)})";

    private static string Mb(long bytes) => $"{bytes / 1_000_000} MB allocated";

    private static double SinceStart() => (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalSeconds;

    // Bytes the calling thread has allocated; a stage's synchronous work is measured as the difference.
    private static long Allocated() => GC.GetAllocatedBytesForCurrentThread();

    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>
    /// Records the SARs the run read from the database (every read of a child's records is audited); null records
    /// nothing. Called once per batch that read any, one call after another (never two at once), off the loading
    /// stage's thread, so it needs a connection of its own. A batch's results are written only after the call for its
    /// reads (and every call before it) has completed, so nothing read is shown before it is audited; a failed call
    /// ends the run with its error.
    /// </summary>
    public Func<IReadOnlyList<SarRead>, CancellationToken, Task>? AuditReads { get; init; }

    // The last audit write started: each waits for the one before it, so when it completes every read so far is stored.
    // Writing a batch's rows overlaps loading the next batch; on PostgreSQL a commit waits for the disk, and on a
    // million-line file those waits were 1.5 s of the run when the loading stage waited for them.
    private Task _audited = Task.CompletedTask;

    /// <summary>Shown while a large file is read, when standard error is a terminal.</summary>
    public Func<string, long, ProgressBar?> ProgressFor { get; init; } = (_, _) => null;

    /// <summary>
    /// Checks one file; returns null, or the one-line reason it could not be read to the end (missing file, a read
    /// that failed part-way, or the reader's <see cref="X12Exception"/> message with its segment number). Claims
    /// before the error are reported.
    /// </summary>
    public async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        Stream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is FileNotFoundException or DirectoryNotFoundException ? "no such file." : e.Message;
        }

        return await CheckAsync(path, file, cancellationToken);
    }

    /// <summary>Checks the 837 that <paramref name="source"/> gives, reported as <paramref name="path"/>; disposes it.</summary>
    internal async Task<string?> CheckAsync(string path, Stream source, CancellationToken cancellationToken)
    {
        var stream = new CountingStream(source);
        var progress = ProgressFor(path, stream.Length);
        using var reader = new Claim837Reader(stream);
        var read = Stage<List<CheckedClaim>>();
        var loaded = Stage<LoadedChunk>();
        var checkedChunks = Stage<CheckedChunk>();
        report.BeginFile(path);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var produce = Task.Run(() => Produce(reader, read.Writer, stop.Token), CancellationToken.None);
        // Audit writes are not stopped with the stages: a read made is recorded even when the file ends in an error.
        var load = Task.Run(() => Load(read.Reader, loaded.Writer, stop.Token, cancellationToken), CancellationToken.None);
        var check = Task.Run(() => Check(loaded.Reader, checkedChunks.Writer, stop.Token), CancellationToken.None);
        var claims = 0;
        long lines = 0;
        string? error = null;
        try
        {
            await foreach (var (chunk, audited) in checkedChunks.Reader.ReadAllAsync(cancellationToken))
            {
                await audited;
                _writing.Start();
                var allocated = Allocated();
                progress?.Clear();
                foreach (var claim in chunk)
                {
                    report.Write(path, claim);
                    totals.Add(claim.Result);
                    lines += claim.Claim.Lines.Count;
                }

                claims += chunk.Count;
                report.Flush();
                progress?.Update(stream.BytesRead, lines);
                if (double.IsNaN(_firstWritten)) _firstWritten = SinceStart();
                _writingBytes += Allocated() - allocated;
                _writing.Stop();
            }
        }
        catch (X12Exception e)
        {
            error = e.Message;
        }
        catch (IOException e)
        {
            // The disk or the network share failed part-way: the file is unreadable from here, like a broken segment.
            error = $"the file could not be read to the end: {e.Message}";
        }
        finally
        {
            // No stage throws; stopping them first means the reader is not disposed under them.
            await stop.CancelAsync();
            await produce;
            await load;
            await check;
            // Every audit write started has finished before the file is done (its failure, if any, is thrown below).
            await _audited.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            progress?.Clear();
        }

        await _audited;

        if (error is null)
        {
            report.EndFile(path, claims, reader.Issues);
        }

        report.Flush();
        return error;
    }

    private static Channel<T> Stage<T>() => Channel.CreateBounded<T>(new BoundedChannelOptions(ChunksInFlight)
    {
        SingleReader = true,
        SingleWriter = true,
    });

    // A chunk with the facts its claims refer to, copied out of the run-wide cache for the checking stage, and the
    // audit write that its results wait for.
    private readonly record struct LoadedChunk(List<CheckedClaim> Claims, ClaimFactsCache Facts, Task Audited);

    // A checked chunk for the writer, with the audit write its results wait for.
    private readonly record struct CheckedChunk(List<CheckedClaim> Claims, Task Audited);

    // Runs on its own thread: the queries, and building the facts, overlap reading and checking. A reading error
    // arrives as the completion of the incoming channel after the claims read before it, and is passed on the same way.
    private async Task Load(ChannelReader<List<CheckedClaim>> chunks, ChannelWriter<LoadedChunk> loaded, CancellationToken cancellationToken,
        CancellationToken auditCancellation)
    {
        try
        {
            // The first look-up opens the connection, prepares the two statements and compiles the loader while the
            // reading stage reads the first chunk. The look-up is a real one, so what it caches is correct.
            await WarmUpAsync(cancellationToken);
            _ = StartAudit(auditCancellation); // waited for with the first chunk, or at the end of the file
            await foreach (var chunk in chunks.ReadAllAsync(cancellationToken))
            {
                _loading.Start();
                var allocated = Allocated();
                if (_facts.SarCount > MaxCachedSars)
                {
                    _facts.Clear();
                }

                var toCheck = new ClaimToCheck[chunk.Count];
                for (var i = 0; i < toCheck.Length; i++)
                {
                    toCheck[i] = chunk[i].Claim;
                }

                var view = _spareViews.TryDequeue(out var spare) ? spare : new ClaimFactsCache();
                var facts = await loader.LoadViewAsync(_facts, toCheck, view, cancellationToken);
                var audited = StartAudit(auditCancellation);
                _loadingBytes += Allocated() - allocated; // exact when the query completes on this thread (SQLite)
                if (double.IsNaN(_firstLoaded)) _firstLoaded = SinceStart();
                _loading.Stop();
                await loaded.WriteAsync(new LoadedChunk(chunk, facts, audited), cancellationToken);
            }

            loaded.Complete();
        }
        catch (Exception e)
        {
            _loading.Stop();
            loaded.Complete(e);
        }
    }

    // Starts writing the audit rows for the SARs read since the last call, after the writes before them; returns the
    // write that, once complete, covers every read so far.
    private Task StartAudit(CancellationToken cancellationToken)
    {
        var read = loader.TakeSarsRead();
        if (read.Count > 0 && AuditReads is { } audit)
        {
            var previous = _audited;
            _audited = Task.Run(async () =>
            {
                await previous;
                await audit(read, cancellationToken);
            }, CancellationToken.None);
        }

        return _audited;
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_warm)
        {
            return;
        }

        _warm = true;
        ClaimToCheck probe = new()
        {
            Form = ClaimForm.Professional,
            PriorAuthorization = SarNumber.Create(CountyCode.From(1), 1).Value,
            BillingNpi = Npi.FromFirstNine("100000000").Value,
            Lines = [],
        };
        await loader.LoadIntoAsync(_facts, [probe], cancellationToken);
    }

    // Runs on its own thread: the rules, in file order (rule 8 counts the units of earlier lines). Errors from the
    // stages before arrive as the completion of the incoming channel and are passed on the same way.
    private async Task Check(ChannelReader<LoadedChunk> chunks, ChannelWriter<CheckedChunk> done, CancellationToken cancellationToken)
    {
        try
        {
            var checker = await checkerReady;
            _checkerReady = SinceStart();
            await foreach (var (chunk, facts, audited) in chunks.ReadAllAsync(cancellationToken))
            {
                _checking.Start();
                var allocated = Allocated();
                for (var i = 0; i < chunk.Count; i++)
                {
                    var item = chunk[i];
                    chunk[i] = item with { Result = checker.Check(item.Claim, facts, _usage) };
                }

                _checkingBytes += Allocated() - allocated;
                if (double.IsNaN(_firstChecked)) _firstChecked = SinceStart();
                _spareViews.Enqueue(facts);
                _checking.Stop();
                await done.WriteAsync(new CheckedChunk(chunk, audited), cancellationToken);
            }

            done.Complete();
        }
        catch (Exception e)
        {
            _checking.Stop();
            done.Complete(e);
        }
    }

    // Runs on its own thread: reading and mapping is most of the CPU work, and overlaps the checking.
    private async Task Produce(Claim837Reader reader, ChannelWriter<List<CheckedClaim>> chunks, CancellationToken cancellationToken)
    {
        _reading.Start();
        _readingBegan = SinceStart();
        var chunk = new List<CheckedClaim>(ChunkSize);
        try
        {
            // Straight to ClaimToCheck: no Claim837/ServiceLine837 records in between.
            var allocated = Allocated();
            foreach (var claim in reader.ReadClaimsToCheck())
            {
                chunk.Add(new CheckedClaim(claim, claim.Claim, null!));
                if (chunk.Count == ChunkSize)
                {
                    _readingBytes += Allocated() - allocated;
                    if (double.IsNaN(_firstRead)) _firstRead = SinceStart();
                    await chunks.WriteAsync(chunk, cancellationToken);
                    allocated = Allocated();
                    chunk = new List<CheckedClaim>(ChunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                await chunks.WriteAsync(chunk, cancellationToken);
            }

            chunks.Complete();
            _reading.Stop();
        }
        catch (Exception e)
        {
            _reading.Stop();
            // The claims read before the error are valid: they are checked and reported, then the error ends the file.
            if (e is X12Exception or IOException && chunk.Count > 0)
            {
                try
                {
                    await chunks.WriteAsync(chunk, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }

            chunks.Complete(e);
        }
    }
}
