using System.Security.Claims;
using OpenCcs.Core.Counties;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Auth;

/// <summary>The signed-in user as the rest of the app needs them: id, role and scope.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private static readonly ClaimsPrincipal Anonymous = new();
    private Snapshot? _snapshot;

    public bool IsAuthenticated => Current.IsAuthenticated;

    public string Id => Current.Id;

    public string UserName => Current.UserName;

    public string DisplayName => Current.DisplayName;

    /// <summary>Each account holds one role.</summary>
    public string Role => Current.Role;

    public CountyCode? County => Current.County;

    public Guid? OrganizationId => Current.OrganizationId;

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "";

    // A request reads the user many times (scope, audit); the claims are parsed once per principal, and again only
    // if the principal is replaced (signing in or out within the request).
    private Snapshot Current
    {
        get
        {
            var principal = accessor.HttpContext?.User ?? Anonymous;
            var snapshot = _snapshot;
            if (snapshot is null || !ReferenceEquals(snapshot.Principal, principal)) _snapshot = snapshot = new Snapshot(principal);
            return snapshot;
        }
    }

    private sealed class Snapshot(ClaimsPrincipal principal)
    {
        public ClaimsPrincipal Principal { get; } = principal;

        public bool IsAuthenticated { get; } = principal.Identity?.IsAuthenticated == true;

        public string Id { get; } = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

        public string UserName { get; } = principal.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

        public string DisplayName { get; } = principal.FindFirstValue(CcsClaims.DisplayName) ?? principal.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

        public string Role { get; } = Roles.All.FirstOrDefault(principal.IsInRole) ?? "none";

        public CountyCode? County { get; } = CountyCode.TryParse(principal.FindFirstValue(CcsClaims.County), out var county) ? county : null;

        public Guid? OrganizationId { get; } = Guid.TryParse(principal.FindFirstValue(CcsClaims.Organization), out var org) ? org : null;
    }
}
