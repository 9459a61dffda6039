using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Notices;

[Authorize(Policy = Policies.CountyStaff)]
public sealed class MailingModel(MailingBatches handler) : PageModel
{
    public MailingQueue Queue { get; private set; } = new([], []);

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await handler.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = await handler.CreateAsync(cancellationToken) is not null
            ? "The batch is ready to print."
            : "There were no letters waiting, so no batch was made.";
        return RedirectToPage();
    }
}
