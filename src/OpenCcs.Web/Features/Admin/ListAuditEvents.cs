using Microsoft.EntityFrameworkCore;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Web.Features.Admin;

public sealed record AuditQuery(string? User = null, string? Role = null, string? RecordType = null, Guid? ChildId = null, AuditOutcome? Outcome = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, DateTime At, string UserName, string Role, AuditAction Action, AuditOutcome Outcome, string RecordType, string RecordId, Guid? ChildId, string RequestId);

public sealed record AuditPage(IReadOnlyList<AuditRow> Events, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The audit trail for administrators, newest first, filtered by user, role, record, child, outcome and date.</summary>
public sealed class ListAuditEvents(CcsDbContext db)
{
    public async Task<AuditPage> HandleAsync(AuditQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User)) events = events.Where(a => a.UserName.Contains(query.User.Trim().ToLower()));
        if (!string.IsNullOrWhiteSpace(query.Role)) events = events.Where(a => a.Role == query.Role);
        if (!string.IsNullOrWhiteSpace(query.RecordType)) events = events.Where(a => a.RecordType == query.RecordType);
        if (query.ChildId is { } child) events = events.Where(a => a.ChildId == child);
        if (query.Outcome is { } outcome) events = events.Where(a => a.Outcome == outcome);
        if (query.From is { } from) events = events.Where(a => a.At >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (query.To is { } to) events = events.Where(a => a.At < to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var total = await events.CountAsync(ct);
        var rows = await events.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Role, a.Action, a.Outcome, a.RecordType, a.RecordId, a.ChildId, a.RequestId))
            .ToListAsync(ct);
        return new AuditPage(rows, total, page, pageSize);
    }
}
