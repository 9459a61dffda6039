using OpenCcs.Data.Identity;

namespace OpenCcs.Data.Seed;

/// <summary>One demo account per role. Listed on the sign-in page in Development only.</summary>
public static class DemoAccounts
{
    /// <summary>Synthetic demo data only; never used outside Development and tests.</summary>
    public const string Password = "OpenCcs-Demo-2026";

    /// <summary>Los Angeles: the county of the demo county staff and the demo family.</summary>
    public const int HomeCounty = 19;

    /// <summary>Orange (CalOptima), a Whole Child Model county: the demo plan reviewer's scope.</summary>
    public const int PlanCounty = 30;

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("family@demo.openccs.org", "Maria Family (demo)", Roles.Family),
        new("provider@demo.openccs.org", "Dr. Provider (demo)", Roles.Provider),
        new("intake@demo.openccs.org", "Ivan Intake (demo)", Roles.CountyIntake),
        new("eligibility@demo.openccs.org", "Elena Eligibility (demo)", Roles.EligibilityWorker),
        new("nurse@demo.openccs.org", "Nora Nurse (demo)", Roles.NurseCaseManager),
        new("iscd@demo.openccs.org", "Sam State Reviewer (demo)", Roles.IscdReviewer),
        new("plan@demo.openccs.org", "Paula Plan Reviewer (demo)", Roles.PlanReviewer),
        new("admin@demo.openccs.org", "Ada Administrator (demo)", Roles.Administrator),
    ];

    public static DemoAccount For(string role) => All.Single(a => a.Role == role);
}

public sealed record DemoAccount(string Email, string DisplayName, string Role);
