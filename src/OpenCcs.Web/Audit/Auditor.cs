using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Audit;

/// <summary>
/// Records every read and write of a child's records. For a write, call <see cref="Record"/> before
/// SaveChanges so the event commits in the same transaction as the change; a read, search or refusal is
/// written before the caller answers, so no answer goes out unaudited (with the others waiting, by <see cref="AuditWriter"/>).
/// </summary>
public sealed class Auditor(CcsDbContext db, CurrentUser user, TimeProvider clock, AuditWriter writer)
{
    public void Record(AuditAction action, string recordType, string recordId, Guid? childId, AuditOutcome outcome = AuditOutcome.Allowed) =>
        db.AuditEvents.Add(Event(action, recordType, recordId, childId, outcome));

    /// <summary>
    /// For a write that is saved later, away from this request (SAR submissions commit in batches on a writer of
    /// their own, where the request's user is not current): who and which request are read now; the record's id is
    /// given when the record exists, and each call makes a new event for the transaction that will save it.
    /// </summary>
    public Func<string, AuditEvent> RecordLater(AuditAction action, string recordType, Guid? childId)
    {
        var (userId, userName, role, requestId) = (user.Id, user.UserName, user.Role, user.RequestId);
        return recordId => new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = userId, UserName = userName, Role = role, Action = action,
            Outcome = AuditOutcome.Allowed, RecordType = recordType, RecordId = recordId, ChildId = childId, RequestId = requestId,
        };
    }

    public Task ReadAsync(string recordType, string recordId, Guid? childId, CancellationToken cancellationToken = default) =>
        WriteAsync(Event(AuditAction.Read, recordType, recordId, childId, AuditOutcome.Allowed), cancellationToken);

    /// <summary>A list or search over child records; which records were listed follows from the request.</summary>
    public Task SearchAsync(string recordType, CancellationToken cancellationToken = default) =>
        WriteAsync(Event(AuditAction.Search, recordType, "*", null, AuditOutcome.Allowed), cancellationToken);

    /// <summary>An attempt to reach a record outside the user's scope: refused, and recorded.</summary>
    public Task DeniedAsync(string recordType, string recordId, Guid? childId, CancellationToken cancellationToken = default) =>
        WriteAsync(Event(AuditAction.Read, recordType, recordId, childId, AuditOutcome.Denied), cancellationToken);

    private async Task WriteAsync(AuditEvent audit, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            // The caller's unsaved changes are saved with the event, as always.
            db.AuditEvents.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (db.Database.CurrentTransaction is not null)
        {
            // Inside the caller's transaction: another connection could wait on its locks (SQLite's write lock) while it waits for us.
            await AuditInsert.ExecuteAsync(db, audit, cancellationToken);
        }
        else
        {
            await writer.WriteAsync(audit, cancellationToken);
        }
    }

    private AuditEvent Event(AuditAction action, string recordType, string recordId, Guid? childId, AuditOutcome outcome) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        UserId = user.Id,
        UserName = user.UserName,
        Role = user.Role,
        Action = action,
        Outcome = outcome,
        RecordType = recordType,
        RecordId = recordId,
        ChildId = childId,
        RequestId = user.RequestId,
    };
}
