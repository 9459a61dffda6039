using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Features.Emergencies;

/// <summary>The report form: every problem shown at once by field, with what was typed kept.</summary>
[Authorize(Policy = EmergencyRegistration.ReportPolicy)]
public sealed class ReportModel(EmergencyAdmissions handler) : PageModel
{
    [BindProperty] public string? ClientId { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? HospitalName { get; set; }
    [BindProperty] public string? AdmittedAt { get; set; }
    [BindProperty] public string? Condition { get; set; }
    [BindProperty] public bool DocumentationReceived { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await handler.ReportAsync(new EmergencyReport(ClientId, DateOfBirth, HospitalName, AdmittedAt, Condition, DocumentationReceived), cancellationToken))
        {
            case EmergencyOutcome.Saved saved:
                var a = saved.Admission;
                TempData["Success"] = $"The emergency admission of {a.ChildName} at {a.HospitalName} is reported to the county CCS office."
                    + (a.ReferredLate ? $" It was due by {Display.DateTime(a.DueAt)} Pacific time, so it is recorded as referred late." : "")
                    + (a.DocumentationReceivedAt is null ? $" Send the documents proving the emergency by {Display.DateTime(a.DueAt)} Pacific time." : "");
                return User.IsInRole(Roles.Provider) ? RedirectToPage("/Emergencies/Report") : RedirectToPage("/Emergencies/Details", new { id = a.Id });
            case EmergencyOutcome.Invalid invalid:
                Errors = invalid.Errors;
                return Page();
            default:
                return NotFound();
        }
    }
}
