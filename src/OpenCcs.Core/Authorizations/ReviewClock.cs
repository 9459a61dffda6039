using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// When a SAR's review is due, derived from when its clock started (DOMAIN.md §5, §11). A standard
/// request is due at the end of the 5th California business day after receipt, counted in Pacific
/// time (reference/001), but never later than the end of the 7th calendar day (CMS-0057-F); an
/// expedited one 72 hours after receipt (CMS-0057-F). The limits come from <see cref="ReviewTimeLimits"/>.
/// A stopped clock (pended, decided, withdrawn) keeps the time left it had when it stopped.
/// </summary>
public sealed record ReviewClock
{
    private ReviewClock(DateTime startedAt, bool expedited, DateTime? businessDayTarget, DateTime? calendarDayLimit, DateTime dueAt)
    {
        StartedAt = startedAt;
        Expedited = expedited;
        BusinessDayTarget = businessDayTarget;
        CalendarDayLimit = calendarDayLimit;
        DueAt = dueAt;
    }

    /// <summary>Receipt, or when missing information arrived after the SAR was pended.</summary>
    public DateTime StartedAt { get; }

    public bool Expedited { get; }

    /// <summary>Standard requests: the end of the last business day allowed (UTC).</summary>
    public DateTime? BusinessDayTarget { get; }

    /// <summary>Standard requests: the end of the last calendar day allowed (UTC), when a rule sets one.</summary>
    public DateTime? CalendarDayLimit { get; }

    /// <summary>The earlier of the two limits for a standard request; the hour limit for an expedited one.</summary>
    public DateTime DueAt { get; }

    /// <summary>When the clock stopped, or null while it runs.</summary>
    public DateTime? StoppedAt { get; private init; }

    public bool IsRunning => StoppedAt is null;

    public static ReviewClock Start(DateTime startedAtUtc, bool expedited, ReviewTimeLimitTable limits, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(calendar);
        var started = Utc.Require(startedAtUtc);
        var pacific = BusinessCalendar.Pacific;
        var startedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(started, pacific));
        var period = limits.On(startedOn);
        if (expedited)
            return new(started, true, null, null, started.AddHours(period.ExpeditedHours));

        var target = calendar.AddBusinessDays(new DateTimeOffset(started), period.StandardBusinessDays, pacific).UtcDateTime;
        // A calendar-day limit ends, like a business day, at the end of its last day in California;
        // the day of receipt is not counted (project convention for counting CMS-0057-F's 7 days).
        DateTime? limit = period.StandardCalendarDays is { } days ? EndOfDay(startedOn.AddDays(days), pacific) : null;
        return new(started, false, target, limit, limit is { } l && l < target ? l : target);
    }

    public ReviewClock StoppedOn(DateTime stoppedAtUtc) => this with { StoppedAt = Utc.Require(stoppedAtUtc) };

    /// <summary>Time until <see cref="DueAt"/>, negative once overdue; frozen while the clock is stopped.</summary>
    public TimeSpan TimeLeft(DateTime nowUtc) => DueAt - (StoppedAt ?? Utc.Require(nowUtc));

    public bool IsOverdue(DateTime nowUtc) => TimeLeft(nowUtc) < TimeSpan.Zero;

    private static DateTime EndOfDay(DateOnly date, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Unspecified), zone);
}

/// <summary>
/// A time a SAR waited for information: what was asked for, when the wait ended and when the information
/// arrived. Leaving the wait without a stated arrival (review begun again, forwarded) counts as arrival
/// then; a SAR cancelled while waiting never received it. Both are null while it still waits.
/// </summary>
public sealed record PendedInterval(DateTime PendedAt, string WhatIsNeeded, DateTime? EndedAt, DateTime? InformationReceivedAt)
{
    internal static PendedInterval[] From(IReadOnlyList<SarTransition> history)
    {
        var intervals = new List<PendedInterval>();
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].To != SarStatus.PendedForInformation) continue;
            var pended = history[i];
            if (i + 1 == history.Count)
            {
                intervals.Add(new(pended.At, pended.Reason ?? "", null, null));
                continue;
            }
            var next = history[i + 1];
            DateTime? arrived = next.To == SarStatus.Cancelled ? null : next.InformationReceivedAt ?? next.At;
            intervals.Add(new(pended.At, pended.Reason ?? "", next.At, arrived));
        }
        return intervals.ToArray();
    }
}
