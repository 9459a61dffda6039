using Microsoft.AspNetCore.Authorization;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Auth;

/// <summary>Which roles may use which kind of work. Scope (whose records) is applied separately by <see cref="ChildAccess"/>.</summary>
public static class Policies
{
    /// <summary>Anyone whose work involves a child's records. Administrators manage the system, not cases.</summary>
    public const string ChildRecords = "child-records";
    public const string CountyStaff = "county-staff";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [ChildRecords] = [Roles.Family, Roles.Provider, Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager, Roles.IscdReviewer, Roles.PlanReviewer],
        [CountyStaff] = [Roles.CountyIntake, Roles.EligibilityWorker, Roles.NurseCaseManager],
        [Administrator] = [Roles.Administrator],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesFor)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        // Everything needs a signed-in user unless it says otherwise.
        options.FallbackPolicy = options.DefaultPolicy;
    }
}
