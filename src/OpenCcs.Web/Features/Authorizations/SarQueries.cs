using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

public sealed record SarListQuery(SarStatus? Status = null, string? Number = null, int Page = 1, int PageSize = 25);

public sealed record SarListItem(string Number, Guid ChildId, string ChildName, SarStatus Status, DateTime ReceivedAt, bool Expedited, string Service);

public sealed record SarList(IReadOnlyList<SarListItem> Sars, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record SarLineView(int LineNumber, ServiceCodeSystem CodeSystem, string? Code, string Description, DateOnly From, DateOnly To, int RequestedUnits, int? AuthorizedUnits);

public sealed record SarTransitionView(SarStatus From, SarStatus To, DateTime At, string? Reason);

public sealed record SarDetails(
    string Number, Guid ChildId, string ChildName, string RequestingProvider, string RequestingProviderNpi, SarFormType FormType,
    string DiagnosisCode, bool Expedited, DateTime ReceivedAt, SarStatus Status, string? DecisionReason,
    IReadOnlyList<SarLineView> Lines, IReadOnlyList<SarTransitionView> History);

/// <summary>The SARs the user may see, newest first, filterable by status and number.</summary>
public sealed class ListSars(CcsDbContext db, ChildAccess access, Auditor auditor)
{
    public async Task<SarList> HandleAsync(SarListQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var sars = access.Sars();
        if (query.Status is { } status) sars = sars.Where(s => s.Status == status);
        if (SarNumber.TryParse(query.Number, out var number)) sars = sars.Where(s => s.Number == number);
        var total = await sars.CountAsync(cancellationToken);
        var rows = await sars.OrderByDescending(s => s.ReceivedAt).ThenBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Children, s => s.ChildId, c => c.Id, (s, c) => new { s.Number, s.ChildId, c.Name.First, c.Name.Last, s.Status, s.ReceivedAt, s.Expedited, Service = s.Lines.OrderBy(l => l.LineNumber).Select(l => l.Description).First() })
            .ToListAsync(cancellationToken);
        await auditor.SearchAsync("Sar", cancellationToken);
        return new SarList(rows.Select(r => new SarListItem(r.Number.Value, r.ChildId, $"{r.First} {r.Last}", r.Status, r.ReceivedAt, r.Expedited, r.Service)).ToList(), total, page, pageSize);
    }
}

/// <summary>One SAR by number with its lines and history, within the user's scope. Every look is audited.</summary>
public sealed class GetSar(CcsDbContext db, ChildAccess access, Auditor auditor)
{
    public async Task<SarDetails?> HandleAsync(string number, CancellationToken cancellationToken)
    {
        if (!SarNumber.TryParse(number, out var sarNumber)) return null;
        var sar = await access.Sars().AsNoTracking().SingleOrDefaultAsync(s => s.Number == sarNumber, cancellationToken);
        if (sar is null)
        {
            var other = await db.Sars.Where(s => s.Number == sarNumber).Select(s => new { s.Id, s.ChildId }).SingleOrDefaultAsync(cancellationToken);
            if (other is not null) await auditor.DeniedAsync("Sar", other.Id.ToString(), other.ChildId, cancellationToken);
            return null;
        }
        var child = await db.Children.AsNoTracking().Where(c => c.Id == sar.ChildId).Select(c => new { c.Name.First, c.Name.Last }).SingleAsync(cancellationToken);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == sar.RequestingProviderId).Select(p => new { p.Name, p.Npi }).SingleAsync(cancellationToken);
        await auditor.ReadAsync("Sar", sar.Id.ToString(), sar.ChildId, cancellationToken);
        return new SarDetails(
            sar.Number.Value, sar.ChildId, $"{child.First} {child.Last}", provider.Name, provider.Npi.Value, sar.FormType, sar.DiagnosisCode,
            sar.Expedited, sar.ReceivedAt, sar.Status, sar.DecisionReason,
            sar.Lines.Select(l => new SarLineView(l.LineNumber, l.CodeSystem, l.Code, l.Description, l.From, l.To, l.RequestedUnits, l.AuthorizedUnits)).ToList(),
            sar.History.Select(h => new SarTransitionView(h.From, h.To, h.At, h.Reason)).ToList());
    }
}
