using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcs.Web.Features.Dashboard;

public sealed class IndexModel(BuildDashboard handler) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await handler.HandleAsync(cancellationToken);
}
