using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcs.Web.Features.Authorizations;

public sealed class DetailsModel(GetSar handler) : PageModel
{
    public SarDetails Sar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(number, cancellationToken) is not { } sar) return NotFound();
        Sar = sar;
        return Page();
    }
}
