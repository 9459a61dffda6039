namespace OpenCcs.Core.Calendar;

/// <summary>
/// The days California state offices close, as effective-dated rules. The list follows the paid
/// holidays of state employees in Gov. Code §19853(a), not the longer list of "holidays in this
/// state" in Gov. Code §6700: Lincoln Day, Admission Day, Native American Day, Columbus Day,
/// Juneteenth, Lunar New Year, Genocide Remembrance Day and the Good Friday afternoon appear in
/// §6700 but offices stay open (for Native American Day, Juneteenth, Lunar New Year and Genocide
/// Remembrance Day an employee may only elect holiday credit, §19853(e)).
/// County CCS offices keep county calendars; using the state's is this project's convention.
/// </summary>
public static class CaliforniaHolidays
{
    private const string StateEmployeeHolidays = "regulation: Gov. Code §19853(a)";

    private static readonly NthWeekdayHoliday Thanksgiving =
        new("Thanksgiving Day", 11, DayOfWeek.Thursday, 4, StateEmployeeHolidays);

    /// <summary>The office-closing holiday rules, in calendar order.</summary>
    public static IReadOnlyList<HolidayRule> StateOffices { get; } =
    [
        new FixedDateHoliday("New Year's Day", 1, 1, StateEmployeeHolidays),
        new NthWeekdayHoliday("Martin Luther King Jr. Day", 1, DayOfWeek.Monday, 3, StateEmployeeHolidays),
        // Dropped from the state employees' list for 2010 onward (CalHR's published lists from 2013 omit it);
        // the exact statute and date were not confirmed, so the end date is a convention.
        new FixedDateHoliday("Lincoln's Birthday", 2, 12, "convention: state employee holiday until 2009")
        {
            EffectiveTo = new DateOnly(2010, 1, 1),
        },
        new NthWeekdayHoliday("Presidents' Day", 2, DayOfWeek.Monday, 3, StateEmployeeHolidays),
        // SB 984 (Stats. 2000) made March 31 a paid holiday; state employees first observed it in 2001.
        new FixedDateHoliday("Cesar Chavez Day", 3, 31, StateEmployeeHolidays + "; SB 984 (2000)")
        {
            EffectiveFrom = new DateOnly(2001, 1, 1),
        },
        new LastWeekdayHoliday("Memorial Day", 5, DayOfWeek.Monday, StateEmployeeHolidays),
        new FixedDateHoliday("Independence Day", 7, 4, StateEmployeeHolidays),
        new NthWeekdayHoliday("Labor Day", 9, DayOfWeek.Monday, 1, StateEmployeeHolidays),
        // Same history and caveat as Lincoln's Birthday.
        new NthWeekdayHoliday("Columbus Day", 10, DayOfWeek.Monday, 2, "convention: state employee holiday until 2009")
        {
            EffectiveTo = new DateOnly(2010, 1, 1),
        },
        // Gov. Code §19853(b): only November 11 moves back to Friday when it falls on a Saturday.
        new FixedDateHoliday("Veterans Day", 11, 11, StateEmployeeHolidays)
        {
            OnSaturday = SaturdayObservance.PrecedingFriday,
        },
        Thanksgiving,
        new DaysAfterHoliday("Day after Thanksgiving", Thanksgiving, 1, StateEmployeeHolidays),
        new FixedDateHoliday("Christmas Day", 12, 25, StateEmployeeHolidays),
    ];
}
