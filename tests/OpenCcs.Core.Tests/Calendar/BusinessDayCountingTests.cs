using OpenCcs.Core.Calendar;

namespace OpenCcs.Core.Tests.Calendar;

public class BusinessDayCountingTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.California;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void One_business_day_after_friday_is_monday()
    {
        Assert.Equal(D(2026, 3, 9), Calendar.AddBusinessDays(D(2026, 3, 6), 1));
    }

    [Fact]
    public void Counting_skips_thanksgiving_and_the_day_after()
    {
        Assert.Equal(D(2026, 11, 30), Calendar.AddBusinessDays(D(2026, 11, 25), 1));
        Assert.Equal(D(2026, 12, 1), Calendar.AddBusinessDays(D(2026, 11, 25), 2));
    }

    [Fact]
    public void Counting_skips_christmas_and_new_year_across_the_year_end()
    {
        // 2025-12-25 Thursday and 2026-01-01 Thursday are holidays.
        Assert.Equal(D(2026, 1, 2), Calendar.AddBusinessDays(D(2025, 12, 24), 5));
    }

    [Fact]
    public void Counting_skips_independence_day_observed_on_monday()
    {
        Assert.Equal(D(2027, 7, 6), Calendar.AddBusinessDays(D(2027, 7, 2), 1));
    }

    [Fact]
    public void Adding_zero_business_days_returns_the_start()
    {
        Assert.Equal(D(2026, 3, 7), Calendar.AddBusinessDays(D(2026, 3, 7), 0));
    }

    [Fact]
    public void Negative_business_days_count_backward_over_holidays()
    {
        Assert.Equal(D(2026, 11, 25), Calendar.AddBusinessDays(D(2026, 11, 30), -1));
        Assert.Equal(D(2026, 3, 6), Calendar.AddBusinessDays(D(2026, 3, 9), -1));
    }

    [Fact]
    public void Business_days_between_excludes_the_start_and_includes_the_end()
    {
        Assert.Equal(1, Calendar.BusinessDaysBetween(D(2026, 3, 6), D(2026, 3, 9)));
        Assert.Equal(2, Calendar.BusinessDaysBetween(D(2026, 11, 25), D(2026, 12, 1)));
        Assert.Equal(0, Calendar.BusinessDaysBetween(D(2026, 11, 26), D(2026, 11, 26)));
        Assert.Equal(0, Calendar.BusinessDaysBetween(D(2026, 11, 26), D(2026, 11, 29)));
    }

    [Fact]
    public void Business_days_between_is_negative_when_the_end_is_earlier()
    {
        Assert.Equal(-2, Calendar.BusinessDaysBetween(D(2026, 12, 1), D(2026, 11, 25)));
        Assert.Equal(-2, Calendar.BusinessDaysBetween(D(2026, 3, 7), D(2026, 3, 5)));
    }

    [Fact]
    public void Business_days_between_undoes_adding_business_days()
    {
        var start = D(2025, 1, 1);
        for (var n = -30; n <= 300; n += 7)
        {
            var end = Calendar.AddBusinessDays(start, n);
            Assert.Equal(n, Calendar.BusinessDaysBetween(start, end));
        }
    }

    [Fact]
    public void Year_2026_has_251_business_days()
    {
        // 261 weekdays less 10 weekday holidays (Independence Day falls on a Saturday).
        Assert.Equal(251, Calendar.BusinessDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));
    }
}
