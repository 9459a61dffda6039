using System.Text;
using OpenCcs.Core.Authorizations;
using OpenCcs.Data.Reference;

namespace OpenCcs.Data.Tests.Reference;

public class ReviewTimeLimitsLoaderTests
{
    private static readonly ReviewTimeLimitTable Limits = ReviewTimeLimitsLoader.Load();

    [Fact]
    public void From_2026_standard_reviews_take_5_business_days_and_at_most_7_calendar_days_and_expedited_ones_72_hours()
    {
        var limits = Limits.On(new DateOnly(2026, 1, 1));

        Assert.Equal((5, 7, 72), (limits.StandardBusinessDays, limits.StandardCalendarDays!.Value, limits.ExpeditedHours));
        Assert.Contains("CMS-0057-F", limits.Source);
        Assert.Contains("reference/001", limits.Source);
    }

    [Fact]
    public void Before_2026_the_outside_limit_was_14_calendar_days()
    {
        var limits = Limits.On(new DateOnly(2025, 12, 31));

        Assert.Equal((5, 14, 72), (limits.StandardBusinessDays, limits.StandardCalendarDays!.Value, limits.ExpeditedHours));
    }

    [Fact]
    public void Time_limits_cover_every_date_from_2000_on()
    {
        Assert.Equal(new DateOnly(2000, 1, 1), Limits.Periods[0].EffectiveFrom);
        Assert.Null(Limits.Periods[^1].EffectiveTo);
        Assert.All(Limits.Periods, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
    }

    [Fact]
    public void Time_limits_with_a_gap_are_refused_when_loaded()
    {
        const string json = """
            { "version": "bad", "periods": [
              { "from": "2000-01-01", "to": "2020-01-01", "standardBusinessDays": 5, "expeditedHours": 72, "source": "x" },
              { "from": "2021-01-01", "standardBusinessDays": 5, "expeditedHours": 72, "source": "x" } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => ReviewTimeLimitsLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("review-time-limits.json version bad is invalid", error.Message);
    }

    [Fact]
    public void Time_limit_period_without_a_source_is_refused_when_loaded()
    {
        const string json = """{ "version": "bad", "periods": [ { "from": "2000-01-01", "standardBusinessDays": 5, "expeditedHours": 72 } ] }""";

        Assert.Throws<InvalidDataException>(() => ReviewTimeLimitsLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }
}
