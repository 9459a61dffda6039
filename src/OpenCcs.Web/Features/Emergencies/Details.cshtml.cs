using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Emergencies;

/// <summary>One admission of the county, where the documents' arrival and the transfer are recorded.</summary>
[Authorize(Policy = Policies.CountyStaff)]
public sealed class DetailsModel(EmergencyAdmissions handler) : PageModel
{
    public EmergencyAdmissionView Admission { get; private set; } = null!;

    /// <summary>Which form was sent, so that its errors show beside it.</summary>
    public string? Step { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } admission) return NotFound();
        Admission = admission;
        return Page();
    }

    public Task<IActionResult> OnPostDocumentationAsync(Guid id, int version, string? at, CancellationToken cancellationToken) =>
        AfterAsync(id, "documentation", "The documents proving the emergency are recorded as received.",
            handler.ReceiveDocumentationAsync(id, new EmergencyUpdate(version, at), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTransferAsync(Guid id, int version, string? at, string? hospitalNpi, CancellationToken cancellationToken) =>
        AfterAsync(id, "transfer", "The transfer to a CCS-approved hospital is recorded.",
            handler.RecordTransferAsync(id, new EmergencyUpdate(version, at, hospitalNpi), cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, string step, string success, Task<EmergencyOutcome> outcome, CancellationToken cancellationToken)
    {
        switch (await outcome)
        {
            case EmergencyOutcome.Saved:
                TempData["Success"] = success;
                return RedirectToPage("/Emergencies/Details", new { id });
            case EmergencyOutcome.Invalid invalid:
                Errors = invalid.Errors;
                break;
            case EmergencyOutcome.Conflict:
                Errors = new Dictionary<string, string[]> { ["version"] = ["Someone else recorded a step on this admission while you had it open. It is shown as it is now; record yours again if it is still needed."] };
                break;
            default:
                return NotFound();
        }
        Step = step;
        if (await handler.GetAsync(id, cancellationToken) is not { } admission) return NotFound();
        Admission = admission;
        return Page();
    }
}
