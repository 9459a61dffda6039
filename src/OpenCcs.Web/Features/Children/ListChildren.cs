using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Children;

public enum ChildSort
{
    Name,
    DateOfBirth,
    County,
}

public sealed record ChildListQuery(string? Search = null, int? County = null, ChildSort Sort = ChildSort.Name, bool Descending = false, int Page = 1, int PageSize = 25);

public sealed record ChildSummary(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, string? Cin, string County, Language Language);

public sealed record ChildList(IReadOnlyList<ChildSummary> Children, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Lists the children the user may see, with search by name or CIN, a county filter, sorting and paging.</summary>
public sealed class ListChildren(ChildAccess access, CountyDirectory counties, Auditor auditor)
{
    public async Task<ChildList> HandleAsync(ChildListQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var children = access.Children();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            // A former CIN finds the child too: claims and letters dated before a CIN change carry the old one.
            if (Cin.TryParse(text, out var cin))
                children = children.Where(c => c.CinHistory.Any(k => k.Cin == cin));
            else
            {
                var pattern = $"%{text.ToUpperInvariant()}%";
                children = children.Where(c => EF.Functions.Like(c.Name.Last.ToUpper(), pattern) || EF.Functions.Like(c.Name.First.ToUpper(), pattern));
            }
        }
        if (query.County is { } county && CountyCode.TryParse(county.ToString("00"), out var code))
            children = children.Where(c => c.CountyOfResidence == code);
        children = (query.Sort, query.Descending) switch
        {
            (ChildSort.DateOfBirth, false) => children.OrderBy(c => c.DateOfBirth).ThenBy(c => c.Id),
            (ChildSort.DateOfBirth, true) => children.OrderByDescending(c => c.DateOfBirth).ThenBy(c => c.Id),
            (ChildSort.County, false) => children.OrderBy(c => c.CountyOfResidence).ThenBy(c => c.Name.Last).ThenBy(c => c.Id),
            (ChildSort.County, true) => children.OrderByDescending(c => c.CountyOfResidence).ThenBy(c => c.Name.Last).ThenBy(c => c.Id),
            (_, false) => children.OrderBy(c => c.Name.Last).ThenBy(c => c.Name.First).ThenBy(c => c.Id),
            (_, true) => children.OrderByDescending(c => c.Name.Last).ThenByDescending(c => c.Name.First).ThenBy(c => c.Id),
        };
        var total = await children.CountAsync(cancellationToken);
        var rows = await children.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new { c.Id, c.Name.First, c.Name.Last, c.DateOfBirth, c.Cin, c.CountyOfResidence, c.Language })
            .ToListAsync(cancellationToken);
        await auditor.SearchAsync("Child", cancellationToken);
        return new ChildList(
            rows.Select(r => new ChildSummary(r.Id, r.First, r.Last, r.DateOfBirth, r.Cin?.Value, counties.Get(r.CountyOfResidence).Name, r.Language)).ToList(),
            total, page, pageSize);
    }
}
