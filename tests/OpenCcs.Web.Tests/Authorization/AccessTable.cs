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

    /// <summary>Who may send a SAR: providers, and county intake and nurses entering fax or paper SARs (the provider first).</summary>
    private static readonly string[] SarSubmitters = [Roles.Provider, Roles.CountyIntake, Roles.NurseCaseManager];

    /// <summary>SAR reviewers: the county nurse, the Whole Child Model plan reviewer, the State (ISCD).</summary>
    private static readonly string[] Reviewers = [Roles.NurseCaseManager, Roles.PlanReviewer, Roles.IscdReviewer];

    private static readonly string[] FamilyOnly = [Roles.Family];

    /// <summary>The county-staff policy: the county CCS office.</summary>
    private static readonly string[] CountyOffice = [Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager];

    /// <summary>The claim check: providers (their own organisation's claims), county intake and nurses (their county's SARs), ISCD.</summary>
    private static readonly string[] ClaimCheckers = [Roles.Provider, Roles.CountyIntake, Roles.NurseCaseManager, Roles.IscdReviewer];

    /// <summary>Who may change a guardian's mailing address: the county office, and a family member their own.</summary>
    private static readonly string[] AddressChangers = [Roles.Family, Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager];

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
        Page("Children/{id:guid}/Guardians/{guardianId:int}/Address", r => $"/Children/{r.ChildId}/Guardians/{r.GuardianId}/Address", AddressChangers,
            _ => Shows("are mailed to this address")),
        Page("Authorizations", _ => "/Authorizations", ChildWork, _ => Shows("found, newest first")),
        Page("Authorizations/Index", _ => "/Authorizations/Index", ChildWork, _ => Shows("found, newest first")),
        Page("Authorizations/{number}", r => $"/Authorizations/{r.SarNumber}", ChildWork, _ => new Answer.Shown(200, r => $"SAR {r.SarNumber}")),
        Page("Authorizations/{number}/Documents/{id:guid}", r => $"/Authorizations/{r.SarNumber}/Documents/{Guid.Empty}", ChildWork, _ => new Answer.Shown(404)),
        // SAR submission (provider), fax and paper entry (county intake, nurse), shared SAR lookup (any provider).
        Page("Authorizations/Submit", _ => "/Authorizations/Submit", SarSubmitters[..1], _ => Shows("Submit a service authorization request")),
        Page("Authorizations/Enter", _ => "/Authorizations/Enter", SarSubmitters[1..], _ => Shows("Enter a fax or paper SAR")),
        Page("Authorizations/Shared", _ => "/Authorizations/Shared", SarSubmitters[..1], _ => Shows("Look up a shared SAR")),
        Page("Admin/Audit", _ => "/Admin/Audit", AdministratorOnly, _ => Shows("Audit trail")),
        // SAR review (worklist, review page) and notices (family letters, county mailing).
        Page("Authorizations/Worklist", _ => "/Authorizations/Worklist", Reviewers, _ => Shows("soonest due first")),
        Page("Authorizations/{number}/Review", r => $"/Authorizations/{r.SarNumber}/Review", Reviewers, _ => new Answer.Shown(200, r => $"Review SAR {r.SarNumber}")),
        Page("Notices", _ => "/Notices", FamilyOnly, _ => Shows("Letters and notices")),
        Page("Notices/Index", _ => "/Notices/Index", FamilyOnly, _ => Shows("Letters and notices")),
        Page("Notices/{id:guid}/Pdf", _ => $"/Notices/{Guid.Empty}/Pdf", FamilyOnly, _ => new Answer.Shown(404)),
        Page("Notices/Mailing", _ => "/Notices/Mailing", CountyOffice, _ => Shows("Letters waiting to be mailed")),
        Page("Notices/Mailing/{batchId:guid}/Pdf", _ => $"/Notices/Mailing/{Guid.Empty}/Pdf", CountyOffice, _ => new Answer.Shown(404)),
        // Emergency admissions at hospitals that are not CCS-approved: reported by providers and the county office, tracked by the county.
        Page("Emergencies", _ => "/Emergencies", CountyOffice, _ => Shows("awaiting transfer")),
        Page("Emergencies/Index", _ => "/Emergencies/Index", CountyOffice, _ => Shows("awaiting transfer")),
        Page("Emergencies/Report", _ => "/Emergencies/Report", SarSubmitters, _ => Shows("Report an emergency admission")),
        Page("Emergencies/{id:guid}", _ => $"/Emergencies/{Guid.Empty}", CountyOffice, _ => new Answer.Shown(404)),
        // Claim check (a professional and a pharmacy claim form).
        Page("Claims/Check", _ => "/Claims/Check", ClaimCheckers, _ => Shows("Check a claim")),
        Page("Claims/CheckPharmacy", _ => "/Claims/CheckPharmacy", ClaimCheckers, _ => Shows("Check a pharmacy claim")),

        // API
        Api("POST", "/api/v1/auth/token", _ => "/api/v1/auth/token", Public, _ => Shows("accessToken"),
            body: p => new { email = DemoAccounts.For(p == Anonymous ? Roles.Family : p).Email, password = DemoAccounts.Password }),
        Api("GET", "/api/v1/me", _ => "/api/v1/me", SignedIn, p => Shows($"\"role\":\"{p}\"")),
        Api("GET", "/api/v1/counties", _ => "/api/v1/counties", Public, _ => Shows("Los Angeles")),
        Api("GET", "/api/v1/children/", _ => "/api/v1/children", ChildWork, _ => Shows("\"total\"")),
        Api("GET", "/api/v1/children/{id:guid}", r => $"/api/v1/children/{r.ChildId}", ChildWork, _ => new Answer.Shown(200, r => r.ChildId.ToString())),
        // An address without a street is refused for its shape, so the matrix changes no address.
        Api("PUT", "/api/v1/children/{id:guid}/guardians/{guardianId:int}/address", r => $"/api/v1/children/{r.ChildId}/guardians/{r.GuardianId}/address",
            AddressChangers, _ => new Answer.Shown(400, _ => "street"), body: _ => new { city = "Fresno", state = "CA", zipCode = "93701" }),
        Api("GET", "/api/v1/sars/", r => $"/api/v1/sars?number={r.SarNumber}", ChildWork, _ => new Answer.Shown(200, r => r.SarNumber)),
        Api("GET", "/api/v1/sars/{number}", r => $"/api/v1/sars/{r.SarNumber}", ChildWork, _ => new Answer.Shown(200, r => r.SarNumber)),
        Api("GET", "/api/v1/sars/{number}/documents/{id:guid}", r => $"/api/v1/sars/{r.SarNumber}/documents/{Guid.Empty}", ChildWork, _ => new Answer.Shown(404)),
        Api("POST", "/api/v1/sars/", _ => "/api/v1/sars", SarSubmitters, _ => new Answer.Shown(400, _ => "clientId"), body: _ => new { }),
        Api("GET", "/api/v1/sars/{number}/sharing", r => $"/api/v1/sars/{r.SarNumber}/sharing?dateOfBirth=1900-01-01", SarSubmitters[..1], _ => new Answer.Shown(404)),
        Api("GET", "/api/v1/audit", _ => "/api/v1/audit", AdministratorOnly, _ => Shows("\"events\"")),
        Api("GET", "/api/v1/worklist", _ => "/api/v1/worklist", Reviewers, _ => Shows("\"total\"")),
        Api("GET", "/api/v1/sars/{number}/review", r => $"/api/v1/sars/{r.SarNumber}/review", Reviewers, _ => new Answer.Shown(200, r => r.SarNumber)),
        // A decision on a version nobody read is refused as a conflict, so the matrix changes no SAR.
        Api("POST", "/api/v1/sars/{number}/decisions", r => $"/api/v1/sars/{r.SarNumber}/decisions", Reviewers, _ => new Answer.Shown(409, _ => "Someone else decided first"),
            body: _ => new { action = "approve", version = -1 }),
        // An empty claim is refused for its shape, and a JSON body is not an 837 file, so the matrix reads no SAR.
        Api("POST", "/api/v1/claims/check", _ => "/api/v1/claims/check", ClaimCheckers, _ => new Answer.Shown(400, _ => "lines"), body: _ => new { }),
        Api("POST", "/api/v1/claims/check-x12", _ => "/api/v1/claims/check-x12", ClaimCheckers, _ => new Answer.Shown(415, _ => "application/edi-x12"), body: _ => new { }),
        // An empty report is refused for its shape, and no admission has an empty id, so the matrix records nothing.
        Api("POST", "/api/v1/emergency-admissions/", _ => "/api/v1/emergency-admissions", SarSubmitters, _ => new Answer.Shown(400, _ => "clientId"), body: _ => new { }),
        Api("GET", "/api/v1/emergency-admissions/", _ => "/api/v1/emergency-admissions", CountyOffice, _ => Shows("\"total\"")),
        Api("GET", "/api/v1/emergency-admissions/{id:guid}", _ => $"/api/v1/emergency-admissions/{Guid.Empty}", CountyOffice, _ => new Answer.Shown(404)),
        Api("POST", "/api/v1/emergency-admissions/{id:guid}/documentation", _ => $"/api/v1/emergency-admissions/{Guid.Empty}/documentation", CountyOffice,
            _ => new Answer.Shown(404), body: _ => new { version = 0 }),
        Api("POST", "/api/v1/emergency-admissions/{id:guid}/transfer", _ => $"/api/v1/emergency-admissions/{Guid.Empty}/transfer", CountyOffice,
            _ => new Answer.Shown(404), body: _ => new { version = 0 }),
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
