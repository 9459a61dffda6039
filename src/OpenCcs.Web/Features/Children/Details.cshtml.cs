using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcs.Web.Features.Children;

public sealed class DetailsModel(GetChild handler) : PageModel
{
    public ChildDetails Child { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } child) return NotFound();
        Child = child;
        return Page();
    }
}
