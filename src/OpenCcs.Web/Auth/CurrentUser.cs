using System.Security.Claims;
using OpenCcs.Core.Counties;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Auth;

/// <summary>The signed-in user as the rest of the app needs them: id, role and scope.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

    public string UserName => Principal.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    public string DisplayName => Principal.FindFirstValue(CcsClaims.DisplayName) ?? UserName;

    /// <summary>Each account holds one role.</summary>
    public string Role => Roles.All.FirstOrDefault(Principal.IsInRole) ?? "none";

    public CountyCode? County =>
        CountyCode.TryParse(Principal.FindFirstValue(CcsClaims.County), out var county) ? county : null;

    public Guid? OrganizationId =>
        Guid.TryParse(Principal.FindFirstValue(CcsClaims.Organization), out var org) ? org : null;

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "";
}
