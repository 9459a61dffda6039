using System.Threading.Channels;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>
/// A checked submission waiting for its number: <see cref="Build"/> makes the SAR with the number it is given (the
/// domain may refuse it with a <see cref="DomainRuleException"/>), <see cref="Add"/> adds it and everything stored
/// with it to the batch's context. Both may run twice (the batch, then alone), so each call makes new objects.
/// </summary>
public sealed record SarDraft(CountyCode County, Func<SarNumber, Sar> Build, Action<CcsDbContext, Sar> Add);

/// <summary>
/// Group commit for SAR submissions. A county's counter row is locked from taking a number to COMMIT, so storing
/// one submission per transaction lets a county commit once per WAL flush. One writer takes every submission waiting
/// (up to <see cref="MaxBatch"/>), numbers them with one upsert per county, saves once and commits once; a lone
/// submission is stored at once. Numbers stay gap-free: a refused submission takes none, and a batch that fails is
/// rolled back whole and redone one submission per transaction, so only the one at fault fails.
/// </summary>
public sealed partial class SarSubmissionBatcher(IServiceScopeFactory scopes, ILogger<SarSubmissionBatcher> log) : BackgroundService
{
    /// <summary>As many as the queue holds, so a request waits at most for the batch being written before its own.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _taken;

    /// <summary>Submissions queued and not yet taken by the writer.</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>Submissions the writer has taken since start, stored or not.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>
    /// Stores the draft in the next batch and returns the SAR as committed; throws the domain's refusal or the failure to
    /// save. Cancelled while still queued, the submission is dropped; once taken it is stored whole and answered.
    /// </summary>
    public async Task<Sar> StoreAsync(SarDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var pending = new Pending(draft);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await using (cancellationToken.Register(() => pending.TryCancel(cancellationToken)))
            return await pending.Completion.Task;
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
                if (batch.Count > 0) await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending))
                if (pending.TryTake()) pending.Completion.TrySetCanceled(stoppingToken);
        }
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        try
        {
            var stored = await StoreTogetherAsync(batch, stoppingToken);
            for (var i = 0; i < batch.Count; i++)
                if (stored[i].Sar is { } sar) batch[i].Completion.TrySetResult(sar);
                else batch[i].Completion.TrySetException(stored[i].Refused!);
        }
        catch (Exception failure) when (batch.Count > 1)
        {
            // Which one is at fault (a concurrent duplicate Idempotency-Key, say) is known only one by one.
            LogBatchFailed(log, batch.Count, failure.GetType().Name);
            foreach (var pending in batch) await WriteAsync([pending], stoppingToken);
        }
        catch (Exception failure)
        {
            batch[0].Completion.TrySetException(failure);
        }
    }

    private async Task<(Sar? Sar, DomainRuleException? Refused)[]> StoreTogetherAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // one SaveChanges: on failure the whole batch rolls back
        var stored = new (Sar?, DomainRuleException?)[batch.Count];
        // Counties in code order, so writers on several web nodes lock counter rows in the same order.
        foreach (var county in Enumerable.Range(0, batch.Count).GroupBy(i => batch[i].Draft.County.Value).OrderBy(g => g.Key))
        {
            var count = county.Count();
            var last = await db.NextSequencesAsync(county.Key, count, cancellationToken);
            var next = last - count + 1;
            foreach (var i in county)
            {
                var draft = batch[i].Draft;
                Sar sar;
                try
                {
                    sar = draft.Build(SarNumber.Create(draft.County, next));
                }
                catch (DomainRuleException refused)
                {
                    stored[i] = (null, refused); // takes no number: the next submission gets this one
                    continue;
                }
                draft.Add(db, sar);
                stored[i] = (sar, null);
                next++;
            }
            if (next <= last) await db.GiveBackSequencesAsync(county.Key, (int)(last - next + 1), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} SAR submissions failed to save ({Failure}); storing them one at a time.")]
    private static partial void LogBatchFailed(ILogger logger, int count, string failure);

    private sealed class Pending(SarDraft draft)
    {
        private const int Queued = 0, Taken = 1, Cancelled = 2;
        private int _state;

        public SarDraft Draft { get; } = draft;

        public TaskCompletionSource<Sar> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The writer takes it: from now on it is stored whole or not at all, and answered either way.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public void TryCancel(CancellationToken cancellationToken)
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued) Completion.TrySetCanceled(cancellationToken);
        }
    }
}
