using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>
/// Review deadlines (DOMAIN.md §5, §11): standard within 5 California business days of receipt and never
/// later than 7 calendar days (CMS-0057-F, from 2026); expedited within 72 hours.
/// </summary>
public class ReviewClockTests
{
    private static DateTime PacificTime(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", null), BusinessCalendar.Pacific);

    private static DateTime EndOfPacificDay(string date) =>
        TimeZoneInfo.ConvertTimeToUtc(Instants.Day(date).ToDateTime(TimeOnly.MaxValue), BusinessCalendar.Pacific);

    private static ReviewClock Standard(string receivedPacific) =>
        ReviewClock.Start(PacificTime(receivedPacific), expedited: false, ReferenceTables.TimeLimits, ReferenceTables.Calendar);

    private static ReviewClock Expedited(string receivedPacific) =>
        ReviewClock.Start(PacificTime(receivedPacific), expedited: true, ReferenceTables.TimeLimits, ReferenceTables.Calendar);

    [Fact]
    public void Standard_request_received_on_a_weekday_is_due_at_the_end_of_the_fifth_business_day_when_both_limits_agree()
    {
        var clock = Standard("2026-04-06 09:00"); // Monday

        Assert.Equal(EndOfPacificDay("2026-04-13"), clock.BusinessDayTarget);
        Assert.Equal(EndOfPacificDay("2026-04-13"), clock.CalendarDayLimit);
        Assert.Equal(EndOfPacificDay("2026-04-13"), clock.DueAt);
    }

    [Fact]
    public void Seven_calendar_day_limit_wins_when_a_weekend_receipt_delays_the_business_day_count()
    {
        var clock = Standard("2026-04-11 10:00"); // Saturday: business days count from Monday

        Assert.Equal(EndOfPacificDay("2026-04-20"), clock.BusinessDayTarget);
        Assert.Equal(EndOfPacificDay("2026-04-18"), clock.DueAt);
    }

    [Fact]
    public void Thanksgiving_and_the_day_after_are_not_business_days_so_the_seven_day_limit_decides()
    {
        var clock = Standard("2026-11-25 10:00"); // the Wednesday before Thanksgiving, 2026-11-26

        Assert.Equal(EndOfPacificDay("2026-12-04"), clock.BusinessDayTarget);
        Assert.Equal(EndOfPacificDay("2026-12-02"), clock.DueAt);
    }

    [Fact]
    public void Christmas_day_is_not_a_business_day()
    {
        var clock = Standard("2026-12-22 10:00"); // Tuesday; Christmas is Friday 2026-12-25

        Assert.Equal(EndOfPacificDay("2026-12-30"), clock.BusinessDayTarget);
        Assert.Equal(EndOfPacificDay("2026-12-29"), clock.DueAt);
    }

    [Fact]
    public void New_years_day_is_not_a_business_day_across_the_change_of_year()
    {
        var clock = Standard("2026-12-30 10:00"); // Wednesday; New Year's Day is Friday 2027-01-01

        Assert.Equal(EndOfPacificDay("2027-01-07"), clock.BusinessDayTarget);
        Assert.Equal(EndOfPacificDay("2027-01-06"), clock.DueAt);
    }

    [Fact]
    public void Standard_due_time_across_the_start_of_daylight_saving_is_midnight_pacific_daylight_time()
    {
        var clock = Standard("2026-03-02 09:00"); // daylight saving time begins Sunday 2026-03-08

        Assert.Equal(new DateTime(2026, 3, 10, 6, 59, 59, DateTimeKind.Utc).AddTicks(TimeSpan.TicksPerSecond - 1), clock.DueAt);
    }

    [Fact]
    public void Standard_due_time_across_the_end_of_daylight_saving_is_midnight_pacific_standard_time()
    {
        var clock = Standard("2026-10-26 09:00"); // daylight saving time ends Sunday 2026-11-01

        Assert.Equal(new DateTime(2026, 11, 3, 7, 59, 59, DateTimeKind.Utc).AddTicks(TimeSpan.TicksPerSecond - 1), clock.DueAt);
    }

    [Fact]
    public void Expedited_request_is_due_72_hours_after_receipt_through_holidays_and_weekends()
    {
        var clock = Expedited("2026-11-25 10:00");

        Assert.Equal(PacificTime("2026-11-28 10:00"), clock.DueAt);
        Assert.Null(clock.BusinessDayTarget);
        Assert.Null(clock.CalendarDayLimit);
    }

    [Fact]
    public void Expedited_clock_counts_real_hours_so_the_pacific_clock_time_moves_with_daylight_saving()
    {
        var clock = Expedited("2026-03-06 10:00"); // 10:00 PST on Friday

        Assert.Equal(PacificTime("2026-03-09 11:00"), clock.DueAt); // 11:00 PDT on Monday, 72 hours later
    }

    [Fact]
    public void Request_received_before_2026_has_the_limits_in_force_then_fourteen_calendar_days()
    {
        var clock = Standard("2025-12-20 10:00"); // Saturday; Christmas is Thursday 2025-12-25

        Assert.Equal(EndOfPacificDay("2026-01-03"), clock.CalendarDayLimit);
        Assert.Equal(EndOfPacificDay("2025-12-30"), clock.DueAt); // counted from Monday 12-22, skipping Christmas
    }

    [Fact]
    public void Time_left_counts_down_to_the_due_time_and_is_negative_once_overdue()
    {
        var clock = Standard("2026-04-06 09:00");

        Assert.Equal(clock.DueAt - PacificTime("2026-04-10 09:00"), clock.TimeLeft(PacificTime("2026-04-10 09:00")));
        Assert.True(clock.TimeLeft(PacificTime("2026-04-14 09:00")) < TimeSpan.Zero);
    }

    [Fact]
    public void Request_is_overdue_only_once_its_due_time_has_passed()
    {
        var clock = Standard("2026-04-06 09:00");

        Assert.False(clock.IsOverdue(clock.DueAt));
        Assert.True(clock.IsOverdue(clock.DueAt.AddTicks(1)));
    }

    [Fact]
    public void Sar_clock_starts_at_receipt_and_runs_while_it_waits_for_review()
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        var clock = sar.Clock(ReferenceTables.TimeLimits, ReferenceTables.Calendar);

        Assert.Equal(sar.ReceivedAt, sar.ClockStartedAt);
        Assert.Equal(sar.ReceivedAt, clock.StartedAt);
        Assert.True(clock.IsRunning);
    }

    [Fact]
    public void Pending_for_information_stops_the_clock_and_freezes_the_time_left()
    {
        var sar = SarBuilder.In(SarStatus.PendedForInformation);

        var clock = sar.Clock(ReferenceTables.TimeLimits, ReferenceTables.Calendar);

        Assert.False(clock.IsRunning);
        Assert.Equal(Instants.Later(2), clock.StoppedAt);
        Assert.Equal(clock.DueAt - Instants.Later(2), clock.TimeLeft(Instants.Later(60 * 24 * 30)));
        Assert.False(clock.IsOverdue(Instants.Later(60 * 24 * 30)));
    }

    [Fact]
    public void Information_received_restarts_the_clock_in_full_from_when_it_arrived()
    {
        var sar = SarBuilder.In(SarStatus.PendedForInformation);
        var arrived = PacificTime("2026-03-05 14:00"); // Thursday

        sar.ResumeReview(SarBuilder.Nurse, arrived, PacificTime("2026-03-06 09:00"));

        var clock = sar.Clock(ReferenceTables.TimeLimits, ReferenceTables.Calendar);
        Assert.Equal(arrived, sar.ClockStartedAt);
        Assert.True(clock.IsRunning);
        Assert.Equal(EndOfPacificDay("2026-03-12"), clock.DueAt);
        Assert.Equal(SarStatus.InReview, sar.Status);
    }

    [Fact]
    public void Review_begun_again_without_stating_when_information_arrived_restarts_the_clock_then()
    {
        var sar = SarBuilder.In(SarStatus.PendedForInformation);

        sar.BeginReview(SarBuilder.Nurse, Instants.Later(600));

        Assert.Equal(Instants.Later(600), sar.ClockStartedAt);
    }

    [Fact]
    public void Sar_shows_every_wait_for_information_with_what_was_needed_and_when_it_arrived()
    {
        var sar = SarBuilder.In(SarStatus.PendedForInformation);
        sar.ResumeReview(SarBuilder.Nurse, Instants.Later(100), Instants.Later(120));
        sar.PendForInformation(SarBuilder.Consultant, "Echo report", Instants.Later(200));

        PendedInterval[] expected =
        [
            new(Instants.Later(2), "Latest cardiology note", Instants.Later(120), Instants.Later(100)),
            new(Instants.Later(200), "Echo report", null, null),
        ];
        Assert.Equal(expected, sar.PendedIntervals());
    }

    [Fact]
    public void Information_cannot_arrive_before_the_sar_was_pended()
    {
        var sar = SarBuilder.In(SarStatus.PendedForInformation);

        var error = Rules.Refused("sar.information-before-pend", () => sar.ResumeReview(SarBuilder.Nurse, Instants.Later(1), Instants.Later(10)));

        Assert.Contains("before the SAR was pended", error.Message);
        Assert.Equal(SarStatus.PendedForInformation, sar.Status);
    }

    [Fact]
    public void Information_cannot_arrive_later_than_now()
    {
        var sar = SarBuilder.In(SarStatus.PendedForInformation);

        Rules.Refused("sar.information-in-future", () => sar.ResumeReview(SarBuilder.Nurse, Instants.Later(20), Instants.Later(10)));

        Assert.Equal(SarStatus.PendedForInformation, sar.Status);
    }

    [Fact]
    public void Information_for_a_sar_iscd_pended_returns_it_to_iscd()
    {
        var sar = SarBuilder.In(SarStatus.ForwardedToIscd);
        sar.PendForInformation(SarBuilder.IscdReviewer, "Audiology report", Instants.Later(10));

        sar.ResumeReview(SarBuilder.Nurse, Instants.Later(20), Instants.Later(21));

        Assert.Equal(SarStatus.ForwardedToIscd, sar.Status);
    }

    [Fact]
    public void Decision_stops_the_clock_at_the_moment_of_decision()
    {
        var sar = SarBuilder.In(SarStatus.Approved);

        var clock = sar.Clock(ReferenceTables.TimeLimits, ReferenceTables.Calendar);

        Assert.Equal(sar.DecidedAt, clock.StoppedAt);
        Assert.False(clock.IsOverdue(Instants.Later(60 * 24 * 30)));
    }

    [Fact]
    public void Forwarding_to_iscd_keeps_the_clock_running()
    {
        var sar = SarBuilder.In(SarStatus.ForwardedToIscd);

        Assert.True(sar.Clock(ReferenceTables.TimeLimits, ReferenceTables.Calendar).IsRunning);
    }

    [Fact]
    public void Review_time_limit_periods_may_not_leave_a_gap()
    {
        Assert.Throws<ArgumentException>(() => new ReviewTimeLimitTable(
        [
            new(new DateOnly(2000, 1, 1), new DateOnly(2025, 1, 1), 5, 14, 72, "test"),
            new(new DateOnly(2026, 1, 1), null, 5, 7, 72, "test"),
        ], "test"));
    }
}
