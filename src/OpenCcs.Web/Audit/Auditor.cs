using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Audit;

/// <summary>
/// Records every read and write of a child's records. For a write, call <see cref="Record"/> before
/// SaveChanges so the event commits in the same transaction as the change; for a read, <see cref="ReadAsync"/> saves at once.
/// </summary>
public sealed class Auditor(CcsDbContext db, CurrentUser user, TimeProvider clock)
{
    public void Record(AuditAction action, string recordType, string recordId, Guid? childId, AuditOutcome outcome = AuditOutcome.Allowed) =>
        db.AuditEvents.Add(new AuditEvent
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
        });

    public async Task ReadAsync(string recordType, string recordId, Guid? childId, CancellationToken cancellationToken = default)
    {
        Record(AuditAction.Read, recordType, recordId, childId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A list or search over child records; which records were listed follows from the request.</summary>
    public async Task SearchAsync(string recordType, CancellationToken cancellationToken = default)
    {
        Record(AuditAction.Search, recordType, "*", null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An attempt to reach a record outside the user's scope: refused, and recorded.</summary>
    public async Task DeniedAsync(string recordType, string recordId, Guid? childId, CancellationToken cancellationToken = default)
    {
        Record(AuditAction.Read, recordType, recordId, childId, AuditOutcome.Denied);
        await db.SaveChangesAsync(cancellationToken);
    }
}
