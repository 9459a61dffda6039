using OpenCcs.Core.Calendar;

namespace OpenCcs.Core.Tests.Calendar;

public class HolidayRuleTests
{
    [Theory]
    [InlineData(2025, 1, 20)]
    [InlineData(2026, 1, 19)]
    [InlineData(2027, 1, 18)]
    public void Third_monday_in_january_is_found_for_each_year(int year, int month, int day)
    {
        var rule = new NthWeekdayHoliday("Martin Luther King Jr. Day", 1, DayOfWeek.Monday, 3, "test");

        Assert.Equal(new DateOnly(year, month, day), rule.DateIn(year));
    }

    [Theory]
    [InlineData(2025, 26)]
    [InlineData(2026, 25)]
    [InlineData(2027, 31)]
    public void Last_monday_in_may_is_found_for_each_year(int year, int day)
    {
        var rule = new LastWeekdayHoliday("Memorial Day", 5, DayOfWeek.Monday, "test");

        Assert.Equal(new DateOnly(year, 5, day), rule.DateIn(year));
    }

    [Fact]
    public void Day_after_rule_follows_the_rule_it_is_based_on()
    {
        var thanksgiving = new NthWeekdayHoliday("Thanksgiving Day", 11, DayOfWeek.Thursday, 4, "test");
        var dayAfter = new DaysAfterHoliday("Day after Thanksgiving", thanksgiving, 1, "test");

        Assert.Equal(new DateOnly(2026, 11, 27), dayAfter.DateIn(2026));
    }

    [Fact]
    public void Rule_applies_only_within_its_effective_dates()
    {
        var rule = new FixedDateHoliday("Example Day", 6, 1, "test")
        {
            EffectiveFrom = new DateOnly(2026, 1, 1),
            EffectiveTo = new DateOnly(2028, 1, 1),
        };

        Assert.Null(rule.OccurrenceIn(2025));
        Assert.Equal(new DateOnly(2026, 6, 1), rule.OccurrenceIn(2026));
        Assert.Equal(new DateOnly(2027, 6, 1), rule.OccurrenceIn(2027));
        Assert.Null(rule.OccurrenceIn(2028));
    }

    [Fact]
    public void Calendar_built_from_other_rules_uses_only_those_rules()
    {
        var calendar = new BusinessCalendar([new FixedDateHoliday("Founders Day", 3, 2, "test")]);

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 3, 2)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 12, 25)));
    }
}
