using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Core.Counties;

namespace OpenCcs.Web.Features.Children;

public sealed class IndexModel(ListChildren handler, CountyDirectory counties) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? County { get; set; }

    [BindProperty(SupportsGet = true)]
    public ChildSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Descending { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ChildList Result { get; private set; } = new([], 0, 1, 25);

    public IReadOnlyList<County> Counties => counties.All;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await handler.HandleAsync(new ChildListQuery(Search, County, Sort, Descending, PageNumber), cancellationToken);

    /// <summary>Query values for a link that keeps the current filters and changes the given ones.</summary>
    public Dictionary<string, string?> With(ChildSort? sort = null, bool? descending = null, int? page = null) => new()
    {
        ["search"] = Search,
        ["county"] = County?.ToString(),
        ["sort"] = (sort ?? Sort).ToString(),
        ["descending"] = (descending ?? Descending).ToString().ToLowerInvariant(),
        ["p"] = (page ?? PageNumber).ToString(),
    };

    public string? AriaSort(ChildSort column) => Sort != column ? null : Descending ? "descending" : "ascending";
}
