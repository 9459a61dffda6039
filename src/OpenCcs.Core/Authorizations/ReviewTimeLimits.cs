namespace OpenCcs.Core.Authorizations;

/// <summary>
/// How long a review may take, for requests received during one period (review-time-limits.json).
/// <see cref="EffectiveTo"/> is exclusive. A standard request is due after
/// <see cref="StandardBusinessDays"/> business days but never later than
/// <see cref="StandardCalendarDays"/> calendar days; an expedited one after <see cref="ExpeditedHours"/>.
/// </summary>
public sealed record ReviewTimeLimits
{
    public ReviewTimeLimits(
        DateOnly effectiveFrom, DateOnly? effectiveTo, int standardBusinessDays, int? standardCalendarDays, int expeditedHours, string source)
    {
        if (effectiveTo is { } to && to <= effectiveFrom)
            throw new ArgumentException($"Review time limits starting {effectiveFrom:yyyy-MM-dd} must end after they start.", nameof(effectiveTo));
        ArgumentOutOfRangeException.ThrowIfLessThan(standardBusinessDays, 1);
        if (standardCalendarDays is { } days) ArgumentOutOfRangeException.ThrowIfLessThan(days, 1, nameof(standardCalendarDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(expeditedHours, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        StandardBusinessDays = standardBusinessDays;
        StandardCalendarDays = standardCalendarDays;
        ExpeditedHours = expeditedHours;
        Source = source;
    }

    public DateOnly EffectiveFrom { get; }

    public DateOnly? EffectiveTo { get; }

    public int StandardBusinessDays { get; }

    /// <summary>The outside limit in calendar days, or null when no rule sets one.</summary>
    public int? StandardCalendarDays { get; }

    public int ExpeditedHours { get; }

    public string Source { get; }

    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date < to);
}

/// <summary>All review time limit periods, without gaps or overlaps, checked once when built.</summary>
public sealed class ReviewTimeLimitTable
{
    private readonly ReviewTimeLimits[] _periods;

    public ReviewTimeLimitTable(IEnumerable<ReviewTimeLimits> periods, string version)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _periods = periods.OrderBy(p => p.EffectiveFrom).ToArray();
        if (_periods.Length == 0) throw new ArgumentException("Give at least one period of review time limits.", nameof(periods));
        for (var i = 1; i < _periods.Length; i++)
        {
            if (_periods[i - 1].EffectiveTo != _periods[i].EffectiveFrom)
                throw new ArgumentException(
                    $"Review time limit periods must follow one another without gap or overlap; the one starting {_periods[i].EffectiveFrom:yyyy-MM-dd} does not.", nameof(periods));
        }
        Version = version;
    }

    public string Version { get; }

    public IReadOnlyList<ReviewTimeLimits> Periods => _periods;

    /// <exception cref="InvalidOperationException">No period covers the date.</exception>
    public ReviewTimeLimits On(DateOnly date) =>
        Array.Find(_periods, p => p.IsInForceOn(date))
        ?? throw new InvalidOperationException(
            $"No review time limits are recorded for {date:yyyy-MM-dd}; add a period covering it to review-time-limits.json.");
}
