using System.Security.Claims;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Navigation;

/// <summary>One entry of the primary navigation: the words shown and where they lead.</summary>
public sealed record NavigationLink(string Title, string Href);

/// <summary>
/// The primary navigation each role sees. A person with several roles sees the union of
/// their menus, in the order below, each destination once.
/// </summary>
public static class NavigationMenu
{
    private static readonly NavigationLink Dashboard = new("Dashboard", "/Dashboard");
    private static readonly NavigationLink Children = new("Children", "/Children");
    private static readonly NavigationLink Authorizations = new("Authorizations", "/Authorizations");
    private static readonly NavigationLink Worklist = new("Worklist", "/Authorizations/Worklist");
    private static readonly NavigationLink Mailing = new("Mailing", "/Notices/Mailing");
    private static readonly NavigationLink ClaimCheck = new("Check a claim", "/Claims/Check");
    private static readonly NavigationLink Emergencies = new("Emergency admissions", "/Emergencies");

    // Only pages that exist are listed; each feature adds its own entry when it lands.
    private static readonly (string Role, NavigationLink[] Links)[] MenusByRole =
    [
        (Roles.Family, [new("My children", "/Children"), Authorizations, new("Letters", "/Notices")]),
        (Roles.Provider, [new("Request authorization", "/Authorizations/Submit"), Authorizations, new("Shared SAR lookup", "/Authorizations/Shared"), ClaimCheck, new("Report an emergency admission", "/Emergencies/Report"), Children]),
        (Roles.CountyIntake, [Children, new("Enter a faxed SAR", "/Authorizations/Enter"), Emergencies, ClaimCheck, Mailing]),
        (Roles.EligibilityWorker, [Children, Emergencies, Mailing]),
        (Roles.NurseCaseManager, [Worklist, Authorizations, new("Enter a faxed SAR", "/Authorizations/Enter"), Emergencies, Children, ClaimCheck, Mailing]),
        (Roles.IscdReviewer, [Worklist, Authorizations, Children, ClaimCheck]),
        (Roles.PlanReviewer, [Worklist, Authorizations, Children]),
        (Roles.Administrator, [new("Audit trail", "/Admin/Audit")]),
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
    public static bool IsCurrent(NavigationLink link, PathString requestPath) => IsCurrent(link, requestPath, [link]);

    /// <summary>Whether the link is the most specific one of <paramref name="links"/> that the page belongs to.</summary>
    public static bool IsCurrent(NavigationLink link, PathString requestPath, IReadOnlyList<NavigationLink> links)
    {
        ArgumentNullException.ThrowIfNull(link);
        var path = requestPath.Value ?? string.Empty;
        bool Matches(NavigationLink l) =>
            string.Equals(path.TrimEnd('/'), l.Href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(l.Href + "/", StringComparison.OrdinalIgnoreCase);
        return Matches(link) && !links.Any(other => other.Href.Length > link.Href.Length && Matches(other));
    }

    /// <summary>The name to show for the signed-in person, falling back to their e-mail.</summary>
    public static string DisplayName(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FirstNonEmpty(
            user.FindFirst(OpenCcs.Web.Auth.CcsClaims.DisplayName)?.Value,
            user.Identity?.Name,
            user.FindFirst(ClaimTypes.Name)?.Value,
            user.FindFirst(ClaimTypes.Email)?.Value) ?? "Signed in";
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
