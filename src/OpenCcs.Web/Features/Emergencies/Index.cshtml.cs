using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Emergencies;

/// <summary>The county office's emergency admissions, awaiting transfer unless asked for all.</summary>
[Authorize(Policy = Policies.CountyStaff)]
public sealed class IndexModel(EmergencyAdmissions handler) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public IReadOnlyList<EmergencyAdmissionView> Admissions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Admissions = await handler.ListAsync(new EmergencyListQuery(All), cancellationToken);
}
