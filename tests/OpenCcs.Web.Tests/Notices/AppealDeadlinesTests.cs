using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class AppealDeadlinesTests
{
    [Theory]
    [InlineData("2026-03-05", "2026-04-04")]
    [InlineData("2026-01-31", "2026-03-02")] // February 2026 has 28 days
    [InlineData("2028-01-31", "2028-03-01")] // 2028 is a leap year
    [InlineData("2026-12-15", "2027-01-14")] // across the new year
    [InlineData("2027-02-01", "2027-03-03")]
    public void Ccs_appeal_must_be_postmarked_within_30_calendar_days_of_the_notice(string notice, string deadline)
    {
        Assert.Equal(DateOnly.Parse(deadline), AppealDeadlines.CcsAppealDeadline(DateOnly.Parse(notice)));
    }

    [Fact]
    public void A_deadline_that_falls_on_a_weekend_is_not_moved()
    {
        var deadline = AppealDeadlines.CcsAppealDeadline(new DateOnly(2026, 3, 5));

        Assert.Equal(new DateOnly(2026, 4, 4), deadline);
        Assert.Equal(DayOfWeek.Saturday, deadline.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-02-10", "2026-03-03")]
    [InlineData("2028-02-10", "2028-03-02")]
    [InlineData("2026-12-20", "2027-01-10")]
    public void Ccs_appeal_is_decided_within_21_calendar_days(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), AppealDeadlines.CcsAppealDecisionDue(DateOnly.Parse(received)));
    }

    [Theory]
    [InlineData("2028-02-15", "2028-02-29")] // leap day
    [InlineData("2027-02-15", "2027-03-01")]
    [InlineData("2026-04-20", "2026-05-04")]
    public void Fair_hearing_is_requested_within_14_days_of_the_appeal_decision(string decided, string deadline)
    {
        Assert.Equal(DateOnly.Parse(deadline), AppealDeadlines.FairHearingDeadline(DateOnly.Parse(decided)));
    }

    [Theory]
    [InlineData("2026-03-05", "2026-05-04")]
    [InlineData("2027-12-31", "2028-02-29")] // lands on the leap day
    [InlineData("2026-12-31", "2027-03-01")]
    public void Plan_member_appeals_to_the_plan_within_60_days(string notice, string deadline)
    {
        Assert.Equal(DateOnly.Parse(deadline), AppealDeadlines.PlanAppealDeadline(DateOnly.Parse(notice)));
    }

    [Fact]
    public void Plan_decides_in_30_days_or_72_hours_when_expedited_then_a_state_hearing_within_120_days()
    {
        Assert.Equal(new DateOnly(2028, 3, 1), AppealDeadlines.PlanAppealDecisionDue(new DateOnly(2028, 1, 31)));
        var received = new DateTimeOffset(2026, 2, 27, 16, 30, 0, TimeSpan.FromHours(-8));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 30, 0, TimeSpan.FromHours(-8)), AppealDeadlines.PlanExpeditedAppealDecisionDue(received));
        Assert.Equal(new DateOnly(2028, 6, 29), AppealDeadlines.StateHearingDeadline(new DateOnly(2028, 3, 1)));
        Assert.Equal(new DateOnly(2027, 6, 29), AppealDeadlines.StateHearingDeadline(new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [InlineData("2026-03-03", "2026-03-10")]
    [InlineData("2026-02-22", "2026-03-01")]
    [InlineData("2028-02-23", "2028-03-01")]
    [InlineData("2026-12-28", "2027-01-04")]
    public void Notice_of_action_goes_out_within_7_calendar_days_of_the_decision(string decided, string due)
    {
        Assert.Equal(DateOnly.Parse(due), AppealDeadlines.NoticeOfActionDue(DateOnly.Parse(decided)));
    }

    [Theory]
    [InlineData("2026-01-31", "2026-03-02")]
    [InlineData("2028-01-31", "2028-03-01")]
    public void Grievance_is_resolved_within_30_calendar_days(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), AppealDeadlines.GrievanceResolutionDue(DateOnly.Parse(received)));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-05")] // Monday → Thursday
    [InlineData("2026-03-06", "2026-03-11")] // Friday → Wednesday, over the weekend
    [InlineData("2026-11-25", "2026-12-02")] // Thanksgiving and the day after are state holidays
    [InlineData("2028-02-25", "2028-03-01")] // Friday before the leap day
    public void Urgent_grievance_is_resolved_within_3_business_days(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), AppealDeadlines.UrgentGrievanceResolutionDue(DateOnly.Parse(received)));
    }
}
