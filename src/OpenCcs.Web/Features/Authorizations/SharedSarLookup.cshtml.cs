using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A provider sharing a SAR looks it up by number and the child's date of birth (posted, so the date stays out of URLs and logs).</summary>
[Authorize(Roles = OpenCcs.Data.Identity.Roles.Provider)]
public sealed class SharedModel(SharedSarLookup handler) : PageModel
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }

    public SharedSar? Result { get; private set; }

    public bool Searched { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Number)) ModelState.AddModelError("number", "Enter the 11-digit SAR number.");
        if (string.IsNullOrWhiteSpace(DateOfBirth)) ModelState.AddModelError("dateOfBirth", "Enter the child's date of birth.");
        if (!ModelState.IsValid) return Page();
        Searched = true;
        Result = await handler.HandleAsync(Number, DateOfBirth, cancellationToken);
        return Page();
    }
}
