namespace OpenCcs.Data.Identity;

/// <summary>The roles of OpenCCS (ARCHITECTURE.md, Auth). The names are stable: they appear in tokens and audit records.</summary>
public static class Roles
{
    public const string Family = "family";
    public const string Provider = "provider";
    public const string CountyIntake = "county-intake";
    public const string EligibilityWorker = "county-eligibility";
    public const string NurseCaseManager = "county-nurse";
    public const string IscdReviewer = "iscd-reviewer";
    public const string PlanReviewer = "plan-reviewer";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
        [Family, Provider, CountyIntake, EligibilityWorker, NurseCaseManager, IscdReviewer, PlanReviewer, Administrator];

    /// <summary>County office staff: scoped to one county.</summary>
    public static readonly IReadOnlyList<string> CountyStaff = [CountyIntake, EligibilityWorker, NurseCaseManager];

    public static string Describe(string role) => role switch
    {
        Family => "Family or youth",
        Provider => "Provider",
        CountyIntake => "County intake",
        EligibilityWorker => "County eligibility worker",
        NurseCaseManager => "County nurse case manager / medical consultant",
        IscdReviewer => "State ISCD reviewer",
        PlanReviewer => "Managed care plan reviewer",
        Administrator => "Administrator",
        _ => role,
    };
}
