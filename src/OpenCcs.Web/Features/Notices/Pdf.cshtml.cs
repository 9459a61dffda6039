using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Features.Notices;

[Authorize(Roles = Roles.Family)]
public sealed class PdfModel(GetNoticePdf handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } pdf ? File(pdf.Content, "application/pdf", pdf.FileName) : NotFound();
}
