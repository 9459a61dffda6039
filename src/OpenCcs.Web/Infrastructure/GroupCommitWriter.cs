using System.Threading.Channels;

namespace OpenCcs.Web.Infrastructure;

/// <summary>
/// Group commit: requests queue their items and wait; one writer takes every item waiting (up to
/// <see cref="MaxBatch"/>), stores them together in one commit and then answers each request. A lone item is stored at
/// once (no timer), and a request waits at most for the batch being written before its own. A batch that fails as a
/// whole is redone one item at a time, so only the item at fault fails and only its request sees the error. An item
/// cancelled while queued is dropped; once taken it is stored and answered, even while the application stops.
/// </summary>
/// <typeparam name="TItem">What a request hands over.</typeparam>
/// <typeparam name="TResult">What it gets back once its item is committed.</typeparam>
public abstract partial class GroupCommitWriter<TItem, TResult>(ILogger logger) : BackgroundService
{
    /// <summary>As many as the queue holds, so a request waits at most for the batch being written before its own.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _taken;

    /// <summary>Items queued and not yet taken by the writer.</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>Items the writer has taken since start, stored or not.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>What the items are, for the warning logged when a batch fails ("SAR submissions").</summary>
    protected abstract string ItemsName { get; }

    /// <summary>
    /// Stores <paramref name="items"/> in one commit. Per item, the result or the exception that refuses that item
    /// alone (and leaves the others to be stored); any exception thrown means nothing of the batch was stored.
    /// </summary>
    protected abstract Task<Outcome[]> StoreTogetherAsync(IReadOnlyList<TItem> items);

    /// <summary>Queues the item and returns its result once committed, or throws what refused it or failed to store it.</summary>
    protected async Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
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
                if (batch.Count > 0) await WriteAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending))
                if (pending.TryTake()) pending.Completion.TrySetCanceled(stoppingToken);
        }
    }

    // Not cancelled by the application stopping: the items taken are stored and answered, as their requests wait.
    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await StoreTogetherAsync(batch.ConvertAll(p => p.Item));
            for (var i = 0; i < batch.Count; i++)
                if (outcomes[i].Refused is { } refused) batch[i].Completion.TrySetException(refused);
                else batch[i].Completion.TrySetResult(outcomes[i].Result!);
        }
        catch (Exception failure) when (batch.Count > 1)
        {
            // Which item is at fault (a concurrent duplicate key, say) is known only one by one.
            LogBatchFailed(logger, batch.Count, ItemsName, failure.GetType().Name);
            foreach (var pending in batch) await WriteAsync([pending]);
        }
        catch (Exception failure)
        {
            batch[0].Completion.TrySetException(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} {Items} failed to save ({Failure}); storing them one at a time.")]
    private static partial void LogBatchFailed(ILogger logger, int count, string items, string failure);

    /// <summary>One item's answer: its result, or the exception that refused it alone.</summary>
    protected readonly record struct Outcome(TResult? Result, Exception? Refused)
    {
        public static Outcome Stored(TResult result) => new(result, null);

        public static Outcome Refusal(Exception refused) => new(default, refused);
    }

    private sealed class Pending(TItem item)
    {
        private const int Queued = 0, Taken = 1, Cancelled = 2;
        private int _state;

        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The writer takes it: from now on it is stored, and answered either way.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public void TryCancel(CancellationToken cancellationToken)
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued) Completion.TrySetCanceled(cancellationToken);
        }
    }
}
