using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Features.Children;

/// <summary>Changes where a guardian's letters are mailed; the form keeps what was typed and shows every problem by field.</summary>
[Authorize(Roles = $"{Roles.Family},{Roles.CountyIntake},{Roles.EligibilityWorker},{Roles.NurseCaseManager}")]
public sealed class GuardianAddressModel(ChangeGuardianAddress handler) : PageModel
{
    public GuardianAddressView Guardian { get; private set; } = null!;

    [BindProperty] public string? Street { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty] public string? ZipCode { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int guardianId, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(id, guardianId, cancellationToken) is not { } guardian) return NotFound();
        Guardian = guardian;
        (Street, Unit, City, State, ZipCode) = guardian.Address is { } a ? (a.Street, a.Unit, a.City, a.State, a.ZipCode) : (null, null, null, "CA", null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int guardianId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await handler.HandleAsync(id, guardianId, new AddressInput(Street, Unit, City, State, ZipCode), cancellationToken);
        switch (outcome)
        {
            case AddressChange.Saved:
                TempData["Status"] = "The mailing address is saved. Letters from now on go there.";
                return RedirectToPage("/Children/Details", new { id });
            case AddressChange.Invalid invalid:
                foreach (var problem in invalid.Problems) ModelState.AddModelError(problem.Field, problem.Message);
                break;
            case AddressChange.Refused refused:
                return Forbid();
            default:
                return NotFound();
        }
        Guardian = (await handler.LoadAsync(id, guardianId, cancellationToken))!;
        return Page();
    }
}
