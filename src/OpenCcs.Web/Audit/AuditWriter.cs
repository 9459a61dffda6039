using System.Threading.Channels;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Web.Audit;

/// <summary>
/// Group commit for the audit events of reads, searches and refusals. Written one per request, each event paid a round
/// trip and a commit (a WAL flush) of its own. One writer takes every event waiting (up to <see cref="MaxBatch"/>),
/// inserts them in one statement on a context of its own, and only then answers each request, so no answer still goes
/// out before its audit row is durable. A lone event is written at once (no timer). A batch that fails is redone one
/// event at a time, so only the one at fault fails, and only its request sees the error.
/// </summary>
public sealed partial class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> log) : BackgroundService
{
    /// <summary>As many as the queue holds, so a request waits at most for the batch being written before its own.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _taken;

    /// <summary>Events queued and not yet taken by the writer.</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>Events the writer has taken since start, stored or not.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>
    /// Stores the event in the next batch and returns once it is committed; throws the failure to store it. Cancelled
    /// while still queued, the event is dropped (and the request answers nothing); once taken it is written anyway.
    /// </summary>
    public async Task WriteAsync(AuditEvent audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var pending = new Pending(audit);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await using (cancellationToken.Register(() => pending.TryCancel(cancellationToken)))
            await pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                    if (pending.TryTake()) batch.Add(pending);
                Interlocked.Add(ref _taken, batch.Count);
                if (batch.Count > 0) await StoreAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending))
                if (pending.TryTake()) pending.Completion.TrySetCanceled(stoppingToken);
        }
    }

    /// <summary>Not cancelled by shutdown: the events taken are written and answered, as their requests wait for them.</summary>
    private async Task StoreAsync(List<Pending> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
            await AuditInsert.ExecuteAsync(db, batch.ConvertAll(p => p.Audit), CancellationToken.None);
            foreach (var pending in batch) pending.Completion.TrySetResult();
        }
        catch (Exception failure) when (batch.Count > 1)
        {
            // One statement: nothing of the batch was stored. Which event is at fault is known only one by one.
            LogBatchFailed(log, batch.Count, failure.GetType().Name);
            foreach (var pending in batch) await StoreAsync([pending]);
        }
        catch (Exception failure)
        {
            batch[0].Completion.TrySetException(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} audit events failed to save ({Failure}); storing them one at a time.")]
    private static partial void LogBatchFailed(ILogger logger, int count, string failure);

    private sealed class Pending(AuditEvent audit)
    {
        private const int Queued = 0, Taken = 1, Cancelled = 2;
        private int _state;

        public AuditEvent Audit { get; } = audit;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The writer takes it: from now on it is written, and answered either way.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public void TryCancel(CancellationToken cancellationToken)
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued) Completion.TrySetCanceled(cancellationToken);
        }
    }
}
