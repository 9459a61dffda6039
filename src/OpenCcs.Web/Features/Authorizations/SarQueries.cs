using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

/// <param name="Cin">The child's CIN (or BIC ID); <paramref name="ReceivedFrom"/> and <paramref name="ReceivedTo"/> are California dates, inclusive.</param>
public sealed record SarListQuery(
    SarStatus? Status = null, string? Number = null, int Page = 1, int PageSize = 25, string? Cin = null, DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null);

public sealed record SarListItem(string Number, Guid ChildId, string ChildName, SarStatus Status, DateTime ReceivedAt, bool Expedited, string Service);

public sealed record SarList(IReadOnlyList<SarListItem> Sars, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record SarLineView(
    int LineNumber, ServiceCodeSystem CodeSystem, string? Code, string Description, DateOnly From, DateOnly To, int RequestedUnits, int? AuthorizedUnits,
    DateOnly? AuthorizedFrom = null, DateOnly? AuthorizedTo = null);

public sealed record SarTransitionView(SarStatus From, SarStatus To, DateTime At, string? Reason);

public sealed record SarDetails(
    string Number, Guid ChildId, string ChildName, string RequestingProvider, string RequestingProviderNpi, SarFormType FormType,
    string DiagnosisCode, bool Expedited, DateTime ReceivedAt, SarStatus Status, string? DecisionReason,
    IReadOnlyList<SarLineView> Lines, IReadOnlyList<SarTransitionView> History, string? Reviewer = null, bool AwaitingEligibility = false, string? Scg = null)
{
    /// <summary>The approved SAR this one extends (DHCS 4509), or null.</summary>
    public string? Extends { get; init; }

    /// <summary>The SAR's letters and sheets the caller may open, oldest first (see <see cref="SarDocumentAccess"/>).</summary>
    public IReadOnlyList<SarDocumentView> Documents { get; init; } = [];
}

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
        if (!string.IsNullOrWhiteSpace(query.Cin))
        {
            var text = query.Cin.Trim().ToUpperInvariant();
            Cin? cin = Cin.TryParse(text, out var c) ? c : BicId.TryParse(text, out var bic) ? bic.Cin : null;
            // Any CIN the child has held finds their SARs: a provider may still have the one on an older card.
            if (cin is { } wanted) sars = sars.Where(s => db.Children.Any(ch => ch.Id == s.ChildId && ch.CinHistory.Any(k => k.Cin == wanted)));
            else sars = sars.Where(_ => false);
        }
        if (query.ReceivedFrom is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), BusinessCalendar.Pacific);
            sars = sars.Where(s => s.ReceivedAt >= start);
        }
        if (query.ReceivedTo is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessCalendar.Pacific);
            sars = sars.Where(s => s.ReceivedAt < end);
        }
        var total = await sars.CountAsync(cancellationToken);
        // Newest first; SARs received at the same instant (a batch of faxes, a burst of submissions) newest number first.
        var rows = await sars.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Number).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Children, s => s.ChildId, c => c.Id, (s, c) => new { s.Number, s.ChildId, c.Name.First, c.Name.Last, s.Status, s.ReceivedAt, s.Expedited, Service = s.Lines.OrderBy(l => l.LineNumber).Select(l => l.Description).First() })
            .ToListAsync(cancellationToken);
        await auditor.SearchAsync("Sar", cancellationToken);
        return new SarList(rows.Select(r => new SarListItem(r.Number.Value, r.ChildId, $"{r.First} {r.Last}", r.Status, r.ReceivedAt, r.Expedited, r.Service)).ToList(), total, page, pageSize);
    }
}

/// <summary>One SAR by number with its lines and history, within the user's scope. Every look is audited.</summary>
public sealed class GetSar(CcsDbContext db, ChildAccess access, CurrentUser user, Auditor auditor, CountyDirectory counties)
{
    public async Task<SarDetails?> HandleAsync(string number, CancellationToken cancellationToken)
    {
        if (!SarNumber.TryParse(number, out var sarNumber)) return null;
        // One round trip: the SAR (with its lines and history) within the user's scope, its child's name and its provider.
        var found = await (
            from s in access.Sars().AsNoTracking()
            where s.Number == sarNumber
            join c in db.Children on s.ChildId equals c.Id
            join p in db.Providers on s.RequestingProviderId equals p.Id
            select new { Sar = s, c.Name.First, c.Name.Last, ProviderName = p.Name, p.Npi }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            var other = await db.Sars.Where(s => s.Number == sarNumber).Select(s => new { s.Id, s.ChildId }).SingleOrDefaultAsync(cancellationToken);
            if (other is not null) await auditor.DeniedAsync("Sar", other.Id.ToString(), other.ChildId, cancellationToken);
            return null;
        }
        var sar = found.Sar;
        await auditor.ReadAsync("Sar", sar.Id.ToString(), sar.ChildId, cancellationToken);
        return new SarDetails(
            sar.Number.Value, sar.ChildId, $"{found.First} {found.Last}", found.ProviderName, found.Npi.Value, sar.FormType, sar.DiagnosisCode,
            sar.Expedited, sar.ReceivedAt, sar.Status, sar.DecisionReason,
            sar.Lines.Select(l => new SarLineView(l.LineNumber, l.CodeSystem, l.Code, l.Description, l.From, l.To, l.RequestedUnits, l.AuthorizedUnits, l.AuthorizedFrom, l.AuthorizedTo)).ToList(),
            sar.History.Select(h => new SarTransitionView(h.From, h.To, h.At, h.Reason)).ToList(),
            SubmitSar.DescribeReviewer(counties, sar), sar.AwaitingEligibility, sar.GrantedScg() is { } scg ? $"{scg.Code}, {scg.From:yyyy-MM-dd} to {scg.To:yyyy-MM-dd}" : null)
        {
            Extends = sar.ExtendsNumber?.Value,
            Documents = await SarDocumentAccess.ListAsync(db, sar.Id, user.Role, cancellationToken),
        };
    }
}
