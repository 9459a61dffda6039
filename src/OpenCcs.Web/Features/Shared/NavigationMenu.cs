using System.Security.Claims;

namespace OpenCcs.Web.Navigation;

/// <summary>One entry of the primary navigation: the words shown and where they lead.</summary>
public sealed record NavigationLink(string Title, string Href);

/// <summary>
/// The primary navigation each role sees. A person with several roles sees the union of
/// their menus, in the order below, each destination once.
/// </summary>
public static class NavigationMenu
{
    // Same values as OpenCcs.Web.Auth.Roles; kept local until that class exists, then replace.
    private const string Family = "family";
    private const string Provider = "provider";
    private const string CountyIntake = "county-intake";
    private const string EligibilityWorker = "county-eligibility";
    private const string NurseCaseManager = "county-nurse";
    private const string IscdReviewer = "iscd-reviewer";
    private const string PlanReviewer = "plan-reviewer";
    private const string Administrator = "administrator";

    private static readonly NavigationLink Dashboard = new("Dashboard", "/Dashboard");

    private static readonly (string Role, NavigationLink[] Links)[] MenusByRole =
    [
        (Family,
        [
            new("Apply for CCS", "/Applications/Apply"),
            new("My children", "/Children"),
            new("Notices", "/Notices"),
        ]),
        (Provider,
        [
            new("Refer a child", "/Referrals/New"),
            new("Authorizations", "/Authorizations"),
            new("Check claims", "/Claims/Check"),
        ]),
        (CountyIntake,
        [
            new("Referrals", "/Referrals"),
            new("Applications", "/Applications"),
        ]),
        (EligibilityWorker,
        [
            new("Applications", "/Applications"),
            new("Cases", "/Cases"),
        ]),
        (NurseCaseManager,
        [
            new("Cases", "/Cases"),
            new("Authorizations", "/Authorizations"),
        ]),
        (IscdReviewer,
        [
            new("Authorizations", "/Authorizations"),
            new("Provider panel", "/Providers/Panel"),
        ]),
        (PlanReviewer,
        [
            new("Authorizations", "/Authorizations"),
        ]),
        (Administrator,
        [
            new("Users", "/Admin/Users"),
            new("Reference data", "/Admin/ReferenceData"),
        ]),
    ];

    /// <summary>The links for a signed-in user; empty for an anonymous visitor.</summary>
    public static IReadOnlyList<NavigationLink> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var links = new List<NavigationLink> { Dashboard };
        foreach (var (role, roleLinks) in MenusByRole)
        {
            if (!user.IsInRole(role))
            {
                continue;
            }

            foreach (var link in roleLinks)
            {
                if (!links.Exists(l => string.Equals(l.Href, link.Href, StringComparison.OrdinalIgnoreCase)))
                {
                    links.Add(link);
                }
            }
        }

        return links;
    }

    /// <summary>
    /// Whether a link is the page being shown, or a page beneath it
    /// (<c>/Cases/123</c> belongs to <c>/Cases</c>).
    /// </summary>
    public static bool IsCurrent(NavigationLink link, PathString requestPath)
    {
        ArgumentNullException.ThrowIfNull(link);
        var path = requestPath.Value ?? string.Empty;
        return string.Equals(path.TrimEnd('/'), link.Href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(link.Href + "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name to show for the signed-in person, falling back to their e-mail.</summary>
    public static string DisplayName(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FirstNonEmpty(
            user.Identity?.Name,
            user.FindFirst("name")?.Value,
            user.FindFirst(ClaimTypes.Name)?.Value,
            user.FindFirst(ClaimTypes.Email)?.Value) ?? "Signed in";
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
