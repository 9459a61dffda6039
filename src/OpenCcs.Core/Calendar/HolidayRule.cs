namespace OpenCcs.Core.Calendar;

/// <summary>What happens to the office when a holiday's date falls on a Saturday.</summary>
public enum SaturdayObservance
{
    /// <summary>No weekday is given off; state employees accrue holiday credit instead (CalHR state holiday notes).</summary>
    HolidayCredit,

    /// <summary>The preceding Friday is the holiday (Gov. Code §19853(b), for November 11 only).</summary>
    PrecedingFriday,
}

/// <summary>
/// One holiday as data: how to find its date in a year, which years it applies to, and how it is
/// observed on a weekend. <see cref="EffectiveFrom"/> and <see cref="EffectiveTo"/> bound the
/// holiday's own (unshifted) date, half-open: the rule applies from EffectiveFrom up to, but not
/// including, EffectiveTo.
/// </summary>
public abstract record HolidayRule(string Name, string Source)
{
    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public SaturdayObservance OnSaturday { get; init; } = SaturdayObservance.HolidayCredit;

    /// <summary>The holiday's own date in <paramref name="year"/>, before any weekend shift.</summary>
    public abstract DateOnly DateIn(int year);

    /// <summary>The holiday's own date in <paramref name="year"/> when the rule is in force then; otherwise null.</summary>
    public DateOnly? OccurrenceIn(int year)
    {
        var date = DateIn(year);
        if (EffectiveFrom is { } from && date < from) return null;
        if (EffectiveTo is { } to && date >= to) return null;
        return date;
    }

    /// <summary>
    /// The weekday the office closes for this holiday in <paramref name="year"/>, or null when none:
    /// a Sunday holiday moves to Monday (Gov. Code §19853(b)); a Saturday one follows <see cref="OnSaturday"/>.
    /// </summary>
    public DateOnly? ClosureIn(int year) =>
        OccurrenceIn(year) is not { } date
            ? null
            : date.DayOfWeek switch
            {
                DayOfWeek.Sunday => date.AddDays(1),
                DayOfWeek.Saturday when OnSaturday == SaturdayObservance.PrecedingFriday => date.AddDays(-1),
                DayOfWeek.Saturday => null,
                _ => date,
            };
}

/// <summary>A holiday on the same calendar date every year, such as July 4.</summary>
public sealed record FixedDateHoliday(string Name, int Month, int Day, string Source) : HolidayRule(Name, Source)
{
    public override DateOnly DateIn(int year) => new(year, Month, Day);
}

/// <summary>A holiday on the nth given weekday of a month, such as the third Monday in January.</summary>
public sealed record NthWeekdayHoliday(string Name, int Month, DayOfWeek Weekday, int Nth, string Source) : HolidayRule(Name, Source)
{
    public override DateOnly DateIn(int year)
    {
        var first = new DateOnly(year, Month, 1);
        var offset = ((int)Weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (Nth - 1));
    }
}

/// <summary>A holiday on the last given weekday of a month, such as the last Monday in May.</summary>
public sealed record LastWeekdayHoliday(string Name, int Month, DayOfWeek Weekday, string Source) : HolidayRule(Name, Source)
{
    public override DateOnly DateIn(int year)
    {
        var last = new DateOnly(year, Month, DateTime.DaysInMonth(year, Month));
        var back = ((int)last.DayOfWeek - (int)Weekday + 7) % 7;
        return last.AddDays(-back);
    }
}

/// <summary>A holiday a fixed number of days after another rule's date, such as the day after Thanksgiving.</summary>
public sealed record DaysAfterHoliday(string Name, HolidayRule After, int Days, string Source) : HolidayRule(Name, Source)
{
    public override DateOnly DateIn(int year) => After.DateIn(year).AddDays(Days);
}
