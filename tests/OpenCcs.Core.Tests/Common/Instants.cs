namespace OpenCcs.Core.Tests.Common;

internal static class Instants
{
    /// <summary>Monday 2026-03-02 17:00 UTC (09:00 in California): a working morning.</summary>
    public static readonly DateTime Monday = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Monday);

    public static DateTime Later(int minutes) => Monday.AddMinutes(minutes);

    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd");
}
