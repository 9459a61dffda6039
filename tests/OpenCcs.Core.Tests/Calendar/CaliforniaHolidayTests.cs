using OpenCcs.Core.Calendar;

namespace OpenCcs.Core.Tests.Calendar;

public class CaliforniaHolidayTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.California;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void State_office_holidays_of_2026_fall_on_the_dates_calhr_would_publish()
    {
        var expected = new[]
        {
            new ObservedHoliday(D(2026, 1, 1), "New Year's Day"),
            new ObservedHoliday(D(2026, 1, 19), "Martin Luther King Jr. Day"),
            new ObservedHoliday(D(2026, 2, 16), "Presidents' Day"),
            new ObservedHoliday(D(2026, 3, 31), "Cesar Chavez Day"),
            new ObservedHoliday(D(2026, 5, 25), "Memorial Day"),
            new ObservedHoliday(D(2026, 7, 4), "Independence Day"),
            new ObservedHoliday(D(2026, 9, 7), "Labor Day"),
            new ObservedHoliday(D(2026, 11, 11), "Veterans Day"),
            new ObservedHoliday(D(2026, 11, 26), "Thanksgiving Day"),
            new ObservedHoliday(D(2026, 11, 27), "Day after Thanksgiving"),
            new ObservedHoliday(D(2026, 12, 25), "Christmas Day"),
        };

        Assert.Equal(expected, Calendar.HolidaysIn(2026));
    }

    [Fact]
    public void State_office_holidays_of_2025_are_eleven_weekdays()
    {
        var holidays = Calendar.HolidaysIn(2025);

        Assert.Equal(11, holidays.Count);
        Assert.All(holidays, h => Assert.False(Calendar.IsBusinessDay(h.Date)));
        Assert.Contains(new ObservedHoliday(D(2025, 5, 26), "Memorial Day"), holidays);
        Assert.Contains(new ObservedHoliday(D(2025, 11, 28), "Day after Thanksgiving"), holidays);
    }

    [Fact]
    public void Thanksgiving_and_the_day_after_close_state_offices()
    {
        Assert.False(Calendar.IsBusinessDay(D(2026, 11, 26)));
        Assert.False(Calendar.IsBusinessDay(D(2026, 11, 27)));
        Assert.True(Calendar.IsBusinessDay(D(2026, 11, 25)));
        Assert.True(Calendar.IsBusinessDay(D(2026, 11, 30)));
    }

    [Fact]
    public void Christmas_falling_on_sunday_is_observed_on_the_following_monday()
    {
        Assert.Contains(new ObservedHoliday(D(2022, 12, 26), "Christmas Day"), Calendar.HolidaysIn(2022));
        Assert.False(Calendar.IsBusinessDay(D(2022, 12, 26)));
    }

    [Fact]
    public void Independence_day_falling_on_sunday_is_observed_on_the_following_monday()
    {
        Assert.False(Calendar.IsBusinessDay(D(2027, 7, 5)));
    }

    [Fact]
    public void Cesar_chavez_day_falling_on_sunday_is_observed_on_monday_april_1()
    {
        Assert.Contains(new ObservedHoliday(D(2024, 4, 1), "Cesar Chavez Day"), Calendar.HolidaysIn(2024));
    }

    [Fact]
    public void New_years_day_falling_on_saturday_is_not_moved_to_friday()
    {
        Assert.True(Calendar.IsBusinessDay(D(2027, 12, 31)));
        Assert.Contains(new ObservedHoliday(D(2028, 1, 1), "New Year's Day"), Calendar.HolidaysIn(2028));
        Assert.DoesNotContain(Calendar.HolidaysIn(2027), h => h.Name == "New Year's Day" && h.Date.Month == 12);
    }

    [Fact]
    public void Independence_day_falling_on_saturday_gives_holiday_credit_not_a_friday_off()
    {
        Assert.True(Calendar.IsBusinessDay(D(2026, 7, 3)));
    }

    [Fact]
    public void Christmas_falling_on_saturday_leaves_christmas_eve_a_business_day()
    {
        Assert.True(Calendar.IsBusinessDay(D(2027, 12, 24)));
    }

    [Fact]
    public void Veterans_day_falling_on_saturday_is_observed_on_the_preceding_friday()
    {
        Assert.False(Calendar.IsBusinessDay(D(2023, 11, 10)));
        Assert.False(Calendar.IsBusinessDay(D(2028, 11, 10)));
        Assert.Contains(new ObservedHoliday(D(2028, 11, 10), "Veterans Day"), Calendar.HolidaysIn(2028));
    }

    [Theory]
    [InlineData(2026, 6, 19)]  // Juneteenth: elective holiday credit only, Gov. Code §19853(e)
    [InlineData(2026, 9, 25)]  // Native American Day, fourth Friday in September: elective credit only
    [InlineData(2026, 10, 12)] // Columbus Day: Gov. Code §6700 only
    [InlineData(2026, 2, 12)]  // Lincoln Day: Gov. Code §6700 only
    public void Holidays_listed_only_in_section_6700_leave_state_offices_open(int year, int month, int day)
    {
        Assert.True(Calendar.IsBusinessDay(D(year, month, day)));
    }

    [Fact]
    public void Cesar_chavez_day_applies_from_its_first_observance_in_2001()
    {
        Assert.True(Calendar.IsBusinessDay(D(2000, 3, 31)));
        Assert.Contains(Calendar.HolidaysIn(2001), h => h.Name == "Cesar Chavez Day");
    }

    [Fact]
    public void Lincolns_birthday_and_columbus_day_closed_offices_only_before_2010()
    {
        Assert.False(Calendar.IsBusinessDay(D(2008, 2, 12)));
        Assert.False(Calendar.IsBusinessDay(D(2008, 10, 13)));
        Assert.True(Calendar.IsBusinessDay(D(2010, 2, 12)));
        Assert.True(Calendar.IsBusinessDay(D(2010, 10, 11)));
    }

    [Fact]
    public void Weekend_days_are_not_business_days()
    {
        Assert.False(Calendar.IsBusinessDay(D(2026, 3, 7)));
        Assert.False(Calendar.IsBusinessDay(D(2026, 3, 8)));
        Assert.True(Calendar.IsBusinessDay(D(2026, 3, 9)));
    }
}
