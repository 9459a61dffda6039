using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Core.Authorizations;

namespace OpenCcs.Web.Features.Authorizations;

[Authorize(Roles = ReviewScope.Reviewers)]
public sealed class WorklistModel(BuildWorklist handler, ReviewScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SarStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expedited { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public IscdQueue? Queue { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool IsIscd => scope.IsIscd;

    public Worklist Result { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await handler.HandleAsync(new WorklistQuery(Status, Expedited, Overdue, Queue, PageNumber), cancellationToken);

    public Dictionary<string, string?> With(int page) => new()
    {
        ["status"] = Status?.ToString(),
        ["expedited"] = Expedited ? "true" : null,
        ["overdue"] = Overdue ? "true" : null,
        ["queue"] = Queue?.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
