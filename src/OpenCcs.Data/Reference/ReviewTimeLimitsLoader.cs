using OpenCcs.Core.Authorizations;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the review time limits (Reference/review-time-limits.json, embedded in this assembly).</summary>
public static class ReviewTimeLimitsLoader
{
    private const string FileName = "review-time-limits.json";

    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static ReviewTimeLimitTable Load()
    {
        using var stream = ReferenceJson.OpenEmbedded(FileName);
        return Load(stream);
    }

    public static ReviewTimeLimitTable Load(Stream json) =>
        ReferenceJson.Load<LimitsFile, ReviewTimeLimitTable>(json, FileName, f => f.Version, f => new ReviewTimeLimitTable(
            f.Periods.Select(p => new ReviewTimeLimits(p.From, p.To, p.StandardBusinessDays, p.StandardCalendarDays, p.ExpeditedHours, p.Source)),
            f.Version));

    private sealed record LimitsFile(string Version, List<PeriodEntry> Periods);

    private sealed record PeriodEntry(
        DateOnly From, int StandardBusinessDays, int ExpeditedHours, string Source, DateOnly? To = null, int? StandardCalendarDays = null);
}
