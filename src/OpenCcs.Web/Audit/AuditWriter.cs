using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Web.Infrastructure;

namespace OpenCcs.Web.Audit;

/// <summary>
/// Group commit for the audit events of reads, searches and refusals (see <see cref="GroupCommitWriter{TItem, TResult}"/>).
/// Written one per request, each event paid a round trip and a commit (a WAL flush) of its own; here every event waiting
/// goes into one multi-row INSERT on a context of the writer's own, and each request is answered only after that
/// commit, so no answer goes out before its audit row is durable.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> log) : GroupCommitWriter<AuditEvent, bool>(log)
{
    protected override string ItemsName => "audit events";

    /// <summary>
    /// Stores the event in the next batch and returns once it is committed; throws the failure to store it. Cancelled
    /// while still queued, the event is dropped (and the request answers nothing); once taken it is written anyway.
    /// </summary>
    public Task WriteAsync(AuditEvent audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return EnqueueAsync(audit, cancellationToken);
    }

    protected override async Task<Outcome[]> StoreTogetherAsync(IReadOnlyList<AuditEvent> items)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
        // One statement: it commits on its own, all or nothing, on both databases.
        await AuditInsert.ExecuteAsync(db, items, CancellationToken.None);
        return Enumerable.Repeat(Outcome.Stored(true), items.Count).ToArray();
    }
}
