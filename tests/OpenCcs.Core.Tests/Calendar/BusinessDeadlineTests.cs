using OpenCcs.Core.Calendar;

namespace OpenCcs.Core.Tests.Calendar;

public class BusinessDeadlineTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.California;
    private static readonly TimeZoneInfo Pacific = BusinessCalendar.Pacific;

    [Fact]
    public void Deadline_counts_from_the_pacific_date_of_receipt_not_the_utc_date()
    {
        // 07:30 UTC on Thursday 2026-11-26 is 23:30 on Wednesday 2026-11-25 in California.
        var received = new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 30), Calendar.DueDate(received, 1, Pacific));
    }

    [Fact]
    public void Request_received_on_a_weekend_is_counted_from_the_next_business_day()
    {
        // Saturday 2026-03-07 10:00 PST counts as received Monday 2026-03-09.
        var received = new DateTimeOffset(2026, 3, 7, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 9), Calendar.DueDate(received, 0, Pacific));
        Assert.Equal(new DateOnly(2026, 3, 10), Calendar.DueDate(received, 1, Pacific));
    }

    [Fact]
    public void Request_received_on_a_holiday_is_counted_from_the_next_business_day()
    {
        var thanksgivingNoon = new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 1), Calendar.DueDate(thanksgivingNoon, 1, Pacific));
    }

    [Fact]
    public void Friday_evening_in_california_is_still_friday_even_when_utc_says_saturday()
    {
        var fridayEvening = new DateTimeOffset(2026, 3, 7, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 9), Calendar.DueDate(fridayEvening, 1, Pacific));
    }

    [Fact]
    public void Deadline_instant_is_the_end_of_the_due_day_in_pacific_time_with_its_daylight_offset()
    {
        var received = new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.Zero); // Friday 11:00 PST

        var deadline = Calendar.AddBusinessDays(received, 1, Pacific);

        // Daylight saving time began Sunday 2026-03-08, so Monday is on PDT (UTC-7).
        Assert.Equal(TimeSpan.FromHours(-7), deadline.Offset);
        Assert.Equal(new DateTime(2026, 3, 9, 23, 59, 59), deadline.DateTime.AddTicks(-(deadline.DateTime.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public void Deadline_in_winter_carries_the_standard_time_offset()
    {
        var received = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero); // Wednesday 15:30 PST

        var deadline = Calendar.AddBusinessDays(received, 2, Pacific);

        Assert.Equal(TimeSpan.FromHours(-8), deadline.Offset);
        Assert.Equal(new DateOnly(2026, 12, 1), DateOnly.FromDateTime(deadline.DateTime));
    }

    [Fact]
    public void Negative_business_days_are_not_a_deadline()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Calendar.DueDate(DateTimeOffset.UtcNow, -1, Pacific));
    }
}
