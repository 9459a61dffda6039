namespace OpenCcs.Data.Auditing;

public enum AuditAction
{
    Read,
    Create,
    Update,
    Search,
    Export,
}

public enum AuditOutcome
{
    Allowed,
    Denied,
}

/// <summary>
/// One read or write of a child's records: who, in which role, did what to which record, when, in which request.
/// Append-only: <see cref="CcsDbContext"/> refuses to update or delete one.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }

    public required DateTime At { get; init; }

    public required string UserId { get; init; }

    public required string UserName { get; init; }

    public required string Role { get; init; }

    public required AuditAction Action { get; init; }

    public required AuditOutcome Outcome { get; init; }

    public required string RecordType { get; init; }

    public required string RecordId { get; init; }

    public Guid? ChildId { get; init; }

    public required string RequestId { get; init; }
}
