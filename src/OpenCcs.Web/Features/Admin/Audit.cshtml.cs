using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Web.Features.Admin;

public sealed class AuditModel(ListAuditEvents handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RecordType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChildId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await handler.HandleAsync(new AuditQuery(UserFilter, Role, RecordType, ChildId, Outcome, From, To, PageNumber), ct);

    public Dictionary<string, string?> With(int page) => new()
    {
        ["user"] = UserFilter, ["role"] = Role, ["recordType"] = RecordType, ["childId"] = ChildId?.ToString(),
        ["outcome"] = Outcome?.ToString(), ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["p"] = page.ToString(),
    };
}
