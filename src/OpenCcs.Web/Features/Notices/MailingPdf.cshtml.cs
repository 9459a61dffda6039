using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Notices;

[Authorize(Policy = Policies.CountyStaff)]
public sealed class MailingPdfModel(MailingBatches handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid batchId, CancellationToken cancellationToken) =>
        await handler.PdfAsync(batchId, cancellationToken) is { } pdf ? File(pdf.Content, "application/pdf", pdf.FileName) : NotFound();
}
