using OpenCcs.Core.Calendar;

namespace OpenCcs.Web.Notices;

/// <summary>
/// The time limits of notices, appeals and grievances (DOMAIN.md §8, regulation). Every limit
/// counts calendar days from the day after the starting date, and a date that falls on a weekend
/// or holiday is not moved — except the urgent grievance, which counts business days.
/// Pure functions: the caller supplies the starting dates (from its <see cref="TimeProvider"/>).
/// </summary>
public static class AppealDeadlines
{
    /// <summary>A Notice of Action goes out within this many calendar days of the decision.</summary>
    public const int NoticeOfActionDays = 7;

    /// <summary>A CCS appeal must be postmarked within this many calendar days of the Notice of Action.</summary>
    public const int CcsAppealFilingDays = 30;

    /// <summary>A CCS appeal is decided within this many calendar days.</summary>
    public const int CcsAppealDecisionDays = 21;

    /// <summary>A fair hearing may be requested within this many calendar days of the appeal decision.</summary>
    public const int FairHearingRequestDays = 14;

    /// <summary>A Whole Child Model plan member appeals to the plan within this many days of the notice.</summary>
    public const int PlanAppealFilingDays = 60;

    /// <summary>The plan decides a standard appeal within this many days.</summary>
    public const int PlanAppealDecisionDays = 30;

    /// <summary>The plan decides an expedited appeal within this many hours.</summary>
    public const int PlanExpeditedAppealDecisionHours = 72;

    /// <summary>After the plan's decision, a State Hearing may be requested within this many days.</summary>
    public const int StateHearingRequestDays = 120;

    /// <summary>A grievance is resolved within this many calendar days.</summary>
    public const int GrievanceResolutionDays = 30;

    /// <summary>An urgent grievance is resolved within this many business days.</summary>
    public const int UrgentGrievanceBusinessDays = 3;

    /// <summary>The last day the Notice of Action may be sent for a decision made on <paramref name="decisionDate"/>.</summary>
    public static DateOnly NoticeOfActionDue(DateOnly decisionDate) => decisionDate.AddDays(NoticeOfActionDays);

    /// <summary>The last postmark date for a CCS appeal of a Notice of Action dated <paramref name="noticeDate"/>.</summary>
    public static DateOnly CcsAppealDeadline(DateOnly noticeDate) => noticeDate.AddDays(CcsAppealFilingDays);

    /// <summary>The day a CCS appeal received on <paramref name="appealReceived"/> must be decided by.</summary>
    public static DateOnly CcsAppealDecisionDue(DateOnly appealReceived) => appealReceived.AddDays(CcsAppealDecisionDays);

    /// <summary>The last day to request a fair hearing after an appeal decided on <paramref name="appealDecisionDate"/>.</summary>
    public static DateOnly FairHearingDeadline(DateOnly appealDecisionDate) => appealDecisionDate.AddDays(FairHearingRequestDays);

    /// <summary>The last day a Whole Child Model plan member may appeal a notice dated <paramref name="noticeDate"/> to the plan.</summary>
    public static DateOnly PlanAppealDeadline(DateOnly noticeDate) => noticeDate.AddDays(PlanAppealFilingDays);

    /// <summary>The day the plan must decide a standard appeal received on <paramref name="appealReceived"/>.</summary>
    public static DateOnly PlanAppealDecisionDue(DateOnly appealReceived) => appealReceived.AddDays(PlanAppealDecisionDays);

    /// <summary>The moment the plan must decide an expedited appeal received at <paramref name="appealReceived"/>.</summary>
    public static DateTimeOffset PlanExpeditedAppealDecisionDue(DateTimeOffset appealReceived) =>
        appealReceived.AddHours(PlanExpeditedAppealDecisionHours);

    /// <summary>The last day to request a State Hearing after a plan appeal decided on <paramref name="planDecisionDate"/>.</summary>
    public static DateOnly StateHearingDeadline(DateOnly planDecisionDate) => planDecisionDate.AddDays(StateHearingRequestDays);

    /// <summary>The day a grievance received on <paramref name="received"/> must be resolved by.</summary>
    public static DateOnly GrievanceResolutionDue(DateOnly received) => received.AddDays(GrievanceResolutionDays);

    /// <summary>
    /// The day an urgent grievance received on <paramref name="received"/> must be resolved by: three
    /// business days later, skipping weekends and the holidays of <paramref name="calendar"/>
    /// (California state holidays when none is given).
    /// </summary>
    public static DateOnly UrgentGrievanceResolutionDue(DateOnly received, BusinessCalendar? calendar = null) =>
        (calendar ?? BusinessCalendar.California).AddBusinessDays(received, UrgentGrievanceBusinessDays);
}
