using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace OpenCcs.Core.Calendar;

/// <summary>
/// Business days for deadlines: Monday to Friday except the days offices close for a holiday rule.
/// Counting excludes the day counted from and includes the day counted to, so one business day
/// after a Friday is the following Monday.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HolidayRule[] _rules;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _closuresByYear = new();

    public BusinessCalendar(IEnumerable<HolidayRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.ToArray();
    }

    /// <summary>California state office holidays (<see cref="CaliforniaHolidays.StateOffices"/>).</summary>
    public static BusinessCalendar California { get; } = new(CaliforniaHolidays.StateOffices);

    /// <summary>America/Los_Angeles, where CCS offices keep their hours.</summary>
    public static TimeZoneInfo Pacific => PacificZone.Value;

    private static readonly Lazy<TimeZoneInfo> PacificZone = new(() => TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

    public IReadOnlyList<HolidayRule> Rules => _rules;

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !ClosuresIn(date.Year).Contains(date);

    /// <summary>
    /// The holidays of <paramref name="year"/> in date order, each on the day offices close for it;
    /// a Saturday holiday that gives no weekday off is listed on the Saturday.
    /// </summary>
    public IReadOnlyList<ObservedHoliday> HolidaysIn(int year)
    {
        var holidays = new List<ObservedHoliday>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            foreach (var rule in _rules)
            {
                if (rule.OccurrenceIn(y) is not { } date) continue;
                var shown = rule.ClosureIn(y) ?? date;
                if (shown.Year == year) holidays.Add(new ObservedHoliday(shown, rule.Name));
            }
        }
        return holidays.OrderBy(h => h.Date).ThenBy(h => h.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The <paramref name="n"/>th business day after <paramref name="start"/> (before it when n is
    /// negative); <paramref name="start"/> itself when n is zero.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int n)
    {
        var step = n >= 0 ? 1 : -1;
        var remaining = Math.Abs(n);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date)) remaining--;
        }
        return date;
    }

    /// <summary>
    /// Business days from <paramref name="a"/> to <paramref name="b"/>, not counting <paramref name="a"/>
    /// and counting <paramref name="b"/>; negative when <paramref name="b"/> is earlier. When
    /// <paramref name="b"/> is a business day, <c>AddBusinessDays(a, BusinessDaysBetween(a, b)) == b</c>.
    /// </summary>
    public int BusinessDaysBetween(DateOnly a, DateOnly b)
    {
        if (b >= a) return CountBusinessDays(a.AddDays(1), b);
        // Going back the start is still excluded and the end included: count [b, a).
        return -CountBusinessDays(b, a.AddDays(-1));
    }

    /// <summary>The first business day on or after <paramref name="date"/>.</summary>
    public DateOnly NextBusinessDayOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// The due date <paramref name="n"/> business days after a request received at
    /// <paramref name="received"/>, reckoned by the calendar date in <paramref name="pacific"/>.
    /// A request received on a weekend or holiday is treated as received on the next business day
    /// (project convention), so counting starts from there.
    /// </summary>
    public DateOnly DueDate(DateTimeOffset received, int n, TimeZoneInfo pacific)
    {
        ArgumentNullException.ThrowIfNull(pacific);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var local = TimeZoneInfo.ConvertTime(received, pacific);
        var receivedOn = NextBusinessDayOnOrAfter(DateOnly.FromDateTime(local.DateTime));
        return AddBusinessDays(receivedOn, n);
    }

    /// <summary>
    /// The last instant of the due date from <see cref="DueDate"/>: 23:59:59.9999999 Pacific time on
    /// that day, carrying that day's UTC offset (PST or PDT).
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset receivedUtc, int n, TimeZoneInfo pacific)
    {
        var due = DueDate(receivedUtc, n, pacific);
        var endOfDay = due.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(endOfDay, pacific.GetUtcOffset(endOfDay));
    }

    private int CountBusinessDays(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (IsBusinessDay(date)) count++;
        }
        return count;
    }

    private FrozenSet<DateOnly> ClosuresIn(int year) =>
        _closuresByYear.GetOrAdd(year, y =>
            HolidaysIn(y).Select(h => h.Date).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToFrozenSet());
}
