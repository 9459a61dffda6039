using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Authorization;

/// <summary>How a route is reached: pages with the sign-in cookie, everything else with a bearer token.</summary>
public enum Surface
{
    Page,
    Api,
}

/// <summary>What a caller the route allows gets back.</summary>
public abstract record Answer
{
    /// <summary>A status (200 unless said) and, where given, text the body must hold.</summary>
    public sealed record Shown(int Status = 200, Func<VisibleRecords, string>? Text = null) : Answer;

    /// <summary>A redirect to a path of the app.</summary>
    public sealed record RedirectedTo(string Path) : Answer;
}

/// <summary>
/// One route of the app: who may use it and what they get. Callers not listed are refused: a page
/// sends a signed-in user to /Account/AccessDenied and an anonymous one to /Account/SignIn; an API
/// answers 403 or 401.
/// </summary>
public sealed record RouteAccess(
    string Method,
    string Pattern,
    Surface Surface,
    Func<VisibleRecords, string> Path,
    IReadOnlyList<string> Allowed,
    Func<string, Answer> AnswerFor,
    Func<string, object>? Body = null)
{
    public string Key => $"{Method} {Pattern}";

    public bool Allows(string principal) => Allowed.Contains(principal);

    public override string ToString() => Key;
}

/// <summary>
/// The authorization specification of every route, written out from Policies.cs and the pages'
/// [AllowAnonymous] attributes rather than read from them, so that a change of policy fails a test
/// until this table agrees. A route the app maps that is not here fails
/// <see cref="EveryEndpointAndPageTests{TApp}.Every_route_the_app_maps_has_an_entry_in_the_access_table"/>.
/// </summary>
public static class AccessTable
{
    public const string Anonymous = WebApp.Anonymous;

    public static readonly IReadOnlyList<string> Principals =
    [
        Roles.Family, Roles.Provider, Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager,
        Roles.IscdReviewer, Roles.PlanReviewer, Roles.Administrator, Anonymous,
    ];

    /// <summary>Every signed-in role (the fallback policy: an authenticated user).</summary>
    private static readonly string[] SignedIn =
    [
        Roles.Family, Roles.Provider, Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager,
        Roles.IscdReviewer, Roles.PlanReviewer, Roles.Administrator,
    ];

    /// <summary>Anyone at all ([AllowAnonymous]).</summary>
    private static readonly string[] Public = [.. SignedIn, Anonymous];

    /// <summary>The child-records policy: everyone whose work involves a child; administrators manage the system, not cases.</summary>
    private static readonly string[] ChildWork =
    [
        Roles.Family, Roles.Provider, Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager,
        Roles.IscdReviewer, Roles.PlanReviewer,
    ];

    private static readonly string[] AdministratorOnly = [Roles.Administrator];

    public static readonly IReadOnlyList<RouteAccess> Routes =
    [
        // Pages
        Page("", _ => "/", Public, p => p == Anonymous ? Shows("California Children") : new Answer.RedirectedTo("/Dashboard")),
        Page("Account/SignIn", _ => "/Account/SignIn", Public, _ => Shows("Sign in to OpenCCS")),
        Page("Account/AccessDenied", _ => "/Account/AccessDenied", Public, _ => new Answer.Shown(403, _ => "You do not have access to this page")),
        Page("Account/SignOut", _ => "/Account/SignOut", SignedIn, _ => new Answer.RedirectedTo("/Dashboard")),
        Page("Error", _ => "/Error", Public, _ => Shows("Something went wrong")),
        Page("StatusCode/{code:int}", _ => "/StatusCode/404", Public, _ => new Answer.Shown(404, _ => "We cannot find that page")),
        Page("Dashboard", _ => "/Dashboard", SignedIn, _ => Shows("data-testid=\"dashboard\"")),
        Page("Dashboard/Index", _ => "/Dashboard/Index", SignedIn, _ => Shows("data-testid=\"dashboard\"")),
        Page("Children", _ => "/Children", ChildWork, _ => Shows("found.")),
        Page("Children/Index", _ => "/Children/Index", ChildWork, _ => Shows("found.")),
        Page("Children/{id:guid}", r => $"/Children/{r.ChildId}", ChildWork, _ => Shows("County of residence")),
        Page("Authorizations", _ => "/Authorizations", ChildWork, _ => Shows("found, newest first")),
        Page("Authorizations/Index", _ => "/Authorizations/Index", ChildWork, _ => Shows("found, newest first")),
        Page("Authorizations/{number}", r => $"/Authorizations/{r.SarNumber}", ChildWork, _ => new Answer.Shown(200, r => $"SAR {r.SarNumber}")),
        Page("Admin/Audit", _ => "/Admin/Audit", AdministratorOnly, _ => Shows("Audit trail")),

        // API
        Api("POST", "/api/v1/auth/token", _ => "/api/v1/auth/token", Public, _ => Shows("accessToken"),
            body: p => new { email = DemoAccounts.For(p == Anonymous ? Roles.Family : p).Email, password = DemoAccounts.Password }),
        Api("GET", "/api/v1/me", _ => "/api/v1/me", SignedIn, p => Shows($"\"role\":\"{p}\"")),
        Api("GET", "/api/v1/counties", _ => "/api/v1/counties", Public, _ => Shows("Los Angeles")),
        Api("GET", "/api/v1/children/", _ => "/api/v1/children", ChildWork, _ => Shows("\"total\"")),
        Api("GET", "/api/v1/children/{id:guid}", r => $"/api/v1/children/{r.ChildId}", ChildWork, _ => new Answer.Shown(200, r => r.ChildId.ToString())),
        Api("GET", "/api/v1/sars/", r => $"/api/v1/sars?number={r.SarNumber}", ChildWork, _ => new Answer.Shown(200, r => r.SarNumber)),
        Api("GET", "/api/v1/sars/{number}", r => $"/api/v1/sars/{r.SarNumber}", ChildWork, _ => new Answer.Shown(200, r => r.SarNumber)),
        Api("GET", "/api/v1/audit", _ => "/api/v1/audit", AdministratorOnly, _ => Shows("\"events\"")),
        Api("GET", "/openapi/{documentName}.json", _ => "/openapi/v1.json", Public, _ => Shows("OpenCCS API")),
        Api("GET", "/scalar/{documentName?}", _ => "/scalar/", Public, _ => Shows("OpenCCS API")),
        Api("GET", "/scalar/scalar.js", _ => "/scalar/scalar.js", Public, _ => new Answer.Shown()),
        Api("GET", "/scalar/scalar.aspnetcore.js", _ => "/scalar/scalar.aspnetcore.js", Public, _ => new Answer.Shown()),
        Api("GET", "/scalar/favicon.svg", _ => "/scalar/favicon.svg", Public, _ => Shows("<svg")),
        Api("GET", "/health", _ => "/health", Public, _ => Shows("Healthy")),
    ];

    /// <summary>Every route with every caller: the cases of the authorization matrix.</summary>
    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var route in Routes)
                foreach (var principal in Principals)
                    cases.Add(route.Key, principal);
            return cases;
        }
    }

    public static RouteAccess Find(string key) => Routes.Single(r => r.Key == key);

    private static Answer Shows(string text) => new Answer.Shown(200, _ => text);

    private static RouteAccess Page(string pattern, Func<VisibleRecords, string> path, string[] allowed, Func<string, Answer> answer) =>
        new("GET", pattern, Surface.Page, path, allowed, answer);

    private static RouteAccess Api(string method, string pattern, Func<VisibleRecords, string> path, string[] allowed, Func<string, Answer> answer, Func<string, object>? body = null) =>
        new(method, pattern, Surface.Api, path, allowed, answer, body);
}
