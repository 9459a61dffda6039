using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A SAR's letter or cover sheet as a PDF download, for those <see cref="SarDocumentAccess"/> lets open it.</summary>
public sealed class DocumentModel(GetSarDocument handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, Guid id, CancellationToken cancellationToken) =>
        await handler.HandleAsync(number, id, cancellationToken) is { } pdf ? File(pdf.Content, "application/pdf", pdf.FileName) : NotFound();
}
