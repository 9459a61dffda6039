using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Tests.Authorization;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Audit;

/// <summary>
/// The audit events of reads are committed in groups (<see cref="AuditWriter"/>): every look still leaves exactly one
/// event of its own, stored before the answer goes out, and a failure touches only its own request. To put chosen
/// events into one batch, a test holds the audit table (a lock in a transaction it rolls back), so the writer waits on
/// the first event while the others queue behind it.
/// </summary>
public abstract class AuditGroupCommitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private AuditWriter Writer => app.Services.GetRequiredService<AuditWriter>();

    [Fact]
    public async Task Sixty_four_concurrent_sar_look_ups_each_leave_exactly_one_read_event_with_the_callers_user_and_its_own_request_id()
    {
        var sar = await app.RecordsFor(Roles.Provider);
        var sarId = await app.WithDbAsync(db => db.Sars.Where(s => s.Number == SarNumber.Parse(sar.SarNumber)).Select(s => s.Id).SingleAsync());
        var client = await app.ApiClientFor(Roles.Provider);
        var before = await app.LastAuditIdAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.GetAsync($"/api/v1/sars/{sar.SarNumber}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(64, events.Count);
        var providerId = await app.UserIdAsync(DemoAccounts.For(Roles.Provider).Email);
        Assert.All(events, e => Assert.Equal(
            (AuditAction.Read, AuditOutcome.Allowed, "Sar", sarId.ToString(), sar.ChildId, providerId, DemoAccounts.For(Roles.Provider).Email, Roles.Provider),
            (e.Action, e.Outcome, e.RecordType, e.RecordId, e.ChildId!.Value, e.UserId, e.UserName, e.Role)));
        Assert.Equal(64, events.Select(e => e.RequestId).Where(id => id.Length > 0).Distinct().Count());
        Assert.All(events, e => Assert.Equal(CcsApp.Now.UtcDateTime, e.At));
    }

    [Fact]
    public async Task A_sar_look_up_is_not_answered_until_its_read_event_is_committed()
    {
        var sar = await app.RecordsFor(Roles.Provider);
        var client = await app.ApiClientFor(Roles.Provider);
        var before = await app.LastAuditIdAsync();
        Task<HttpResponseMessage> response;

        await using (var hold = await HoldAuditTableAsync())
        {
            var taken = Writer.Taken;
            response = client.GetAsync($"/api/v1/sars/{sar.SarNumber}");
            await UntilAsync(() => Writer.Taken == taken + 1);
            await Task.Delay(300);
            Assert.False(response.IsCompleted, "The look-up was answered while its audit event was still waiting to be stored.");
            await hold.Transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await response.WaitAsync(TimeSpan.FromSeconds(60))).StatusCode);
        var read = Assert.Single(await app.AuditEventsAfterAsync(before));
        Assert.Equal((AuditAction.Read, AuditOutcome.Allowed, "Sar"), (read.Action, read.Outcome, read.RecordType));
    }

    [Fact]
    public async Task A_look_up_of_a_sar_outside_the_callers_scope_is_refused_and_writes_a_denied_event()
    {
        var elsewhere = await app.WithDbAsync(db => ScopedRecords.InCountyAsync(db, ScopedRecords.StateOnlyCounty));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();

        var response = await nurse.GetAsync($"/api/v1/sars/{elsewhere.SarNumber}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var denied = Assert.Single(await app.AuditEventsAfterAsync(before));
        Assert.Equal((AuditAction.Read, AuditOutcome.Denied, "Sar", elsewhere.ChildId), (denied.Action, denied.Outcome, denied.RecordType, denied.ChildId!.Value));
        Assert.Equal(DemoAccounts.For(Roles.NurseCaseManager).Email, denied.UserName);
    }

    [Fact]
    public async Task When_one_event_of_a_batch_fails_to_store_the_others_are_stored_and_only_its_caller_gets_the_error()
    {
        var refused = $"refused-{Guid.NewGuid():N}"[..30];
        await RefuseRecordIdAsync(refused);
        var ids = Enumerable.Range(0, 4).Select(i => $"batch-{Guid.NewGuid():N}"[..30]).ToList();
        ids[2] = refused;

        var writes = await InOneBatchAsync(ids, cancelLastWhileQueued: false);

        var failure = await Record.ExceptionAsync(() => writes[2]);
        Assert.NotNull(failure);
        Assert.IsNotAssignableFrom<OperationCanceledException>(failure);
        foreach (var i in new[] { 0, 1, 3 }) await writes[i];
        Assert.Equal(ids.Where(id => id != refused).Order(), await StoredRecordIdsAsync(ids));
    }

    [Fact]
    public async Task An_event_cancelled_while_it_waits_in_the_queue_is_not_stored_and_one_the_writer_has_taken_is_stored_anyway()
    {
        var ids = Enumerable.Range(0, 3).Select(i => $"cancel-{Guid.NewGuid():N}"[..30]).ToList();

        var writes = await InOneBatchAsync(ids, cancelLastWhileQueued: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writes[2]);
        await writes[0];
        await writes[1];
        Assert.Equal(ids.Take(2).Order(), await StoredRecordIdsAsync(ids));
    }

    [Fact]
    public async Task A_read_audited_inside_the_callers_open_transaction_is_written_in_that_transaction_not_by_the_writer()
    {
        var recordId = $"in-tx-{Guid.NewGuid():N}"[..30];
        var taken = Writer.Taken;

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // On SQLite the transaction holds the write lock: a writer on another connection would wait on it while we wait on the writer.
            await scope.ServiceProvider.GetRequiredService<Auditor>().ReadAsync("Sar", recordId, null).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.RecordId == recordId));
            await transaction.RollbackAsync();
        }

        Assert.Equal(taken, Writer.Taken);
        Assert.Empty(await StoredRecordIdsAsync([recordId]));
    }

    /// <summary>
    /// Holds the audit table, writes the first event (the writer takes it and waits on the table), queues the others
    /// in order behind it, then lets go: the others are one batch. Each write has its own cancellation, cancelled
    /// once the writer has taken the first (too late for it); with <paramref name="cancelLastWhileQueued"/>, the
    /// last is cancelled while it still waits.
    /// </summary>
    private async Task<List<Task>> InOneBatchAsync(List<string> recordIds, bool cancelLastWhileQueued)
    {
        var writes = new List<Task>();
        await using (var hold = await HoldAuditTableAsync())
        {
            using var first = new CancellationTokenSource();
            var taken = Writer.Taken;
            writes.Add(Writer.WriteAsync(Event(recordIds[0]), first.Token));
            await UntilAsync(() => Writer.Taken == taken + 1);
            await first.CancelAsync();
            using var last = new CancellationTokenSource();
            for (var i = 1; i < recordIds.Count; i++)
            {
                var waiting = Writer.Waiting;
                writes.Add(Writer.WriteAsync(Event(recordIds[i]), i == recordIds.Count - 1 ? last.Token : default));
                await UntilAsync(() => Writer.Waiting == waiting + 1);
            }
            if (cancelLastWhileQueued) await last.CancelAsync();
            await hold.Transaction.RollbackAsync();
        }
        await Task.WhenAny(Task.WhenAll(writes), Task.Delay(TimeSpan.FromSeconds(60))); // an event left unanswered fails the test, not the run
        Assert.All(writes, w => Assert.True(w.IsCompleted, "An audit write was never answered."));
        return writes;
    }

    private static AuditEvent Event(string recordId) => new()
    {
        At = CcsApp.Now.UtcDateTime, UserId = "test", UserName = "test@example.org", Role = Roles.NurseCaseManager, Action = AuditAction.Read,
        Outcome = AuditOutcome.Allowed, RecordType = "Sar", RecordId = recordId, ChildId = null, RequestId = recordId,
    };

    private Task<List<string>> StoredRecordIdsAsync(List<string> recordIds) =>
        app.WithDbAsync(db => db.AuditEvents.Where(a => recordIds.Contains(a.RecordId)).Select(a => a.RecordId).OrderBy(id => id).ToListAsync());

    /// <summary>A transaction that keeps every other connection from inserting audit events until it ends.</summary>
    private async Task<Hold> HoldAuditTableAsync()
    {
        var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
        // SQLite: BeginTransaction is BEGIN IMMEDIATE, the database's one write lock. PostgreSQL: SHARE mode stops inserts, not reads.
        var transaction = await db.Database.BeginTransactionAsync();
        if (db.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE audit_events IN SHARE MODE");
        return new Hold(scope, transaction);
    }

    /// <summary>The database refuses an audit event with this record id, as it would a row it cannot store.</summary>
    private Task RefuseRecordIdAsync(string recordId) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Provider == DatabaseProvider.Postgres
        ? $"ALTER TABLE audit_events ADD CONSTRAINT \"refuses_{recordId}\" CHECK (\"RecordId\" <> '{recordId}') NOT VALID"
        : $"CREATE TRIGGER \"refuses_{recordId}\" BEFORE INSERT ON audit_events WHEN NEW.\"RecordId\" = '{recordId}' BEGIN SELECT RAISE(ABORT, 'refused'); END"));

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The audit events did not reach the writer in time.");
            await Task.Delay(5);
        }
    }

    private sealed record Hold(AsyncServiceScope Scope, IDbContextTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }
}

public sealed class AuditGroupCommitOnSqlite(SqliteApp app) : AuditGroupCommitTests<SqliteApp>(app);

public sealed class AuditGroupCommitOnPostgres(PostgresApp app) : AuditGroupCommitTests<PostgresApp>(app);
