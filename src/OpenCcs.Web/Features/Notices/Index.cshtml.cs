using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Features.Notices;

[Authorize(Roles = Roles.Family)]
public sealed class IndexModel(ListFamilyNotices handler) : PageModel
{
    public IReadOnlyList<NoticeListItem> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notices = await handler.HandleAsync(cancellationToken);
}
