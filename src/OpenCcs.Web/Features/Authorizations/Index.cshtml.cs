using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Core.Authorizations;

namespace OpenCcs.Web.Features.Authorizations;

public sealed class IndexModel(ListSars handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SarStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cin { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? ReceivedFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? ReceivedTo { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SarList Result { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await handler.HandleAsync(new SarListQuery(Status, Number, PageNumber, Cin: Cin, ReceivedFrom: ReceivedFrom, ReceivedTo: ReceivedTo), cancellationToken);

    public Dictionary<string, string?> With(int page) => new()
    {
        ["status"] = Status?.ToString(),
        ["number"] = Number,
        ["cin"] = Cin,
        ["receivedFrom"] = ReceivedFrom?.ToString("yyyy-MM-dd"),
        ["receivedTo"] = ReceivedTo?.ToString("yyyy-MM-dd"),
        ["p"] = page.ToString(),
    };
}
