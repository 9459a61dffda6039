using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Tests.Counties;

public class CountyModelTests
{
    private static readonly DateOnly WcmStart = new(2019, 7, 1);

    private static County OrangeMovingToWholeChild() =>
        CountyBuilder.County(30,
            CountyBuilder.Classic(CountyBuilder.Start, WcmStart),
            CountyBuilder.WholeChild(WcmStart, "CalOptima"));

    [Fact]
    public void County_model_is_decided_by_the_date_of_the_request()
    {
        var orange = OrangeMovingToWholeChild();

        Assert.Equal(CareModel.Classic, orange.ModelOn(new DateOnly(2019, 6, 30)).CareModel);
        var wcm = orange.ModelOn(WcmStart);
        Assert.Equal(CareModel.WholeChildModel, wcm.CareModel);
        Assert.Equal("CalOptima", wcm.PlanName);
    }

    [Fact]
    public void Period_end_date_is_the_first_day_no_longer_in_force()
    {
        var period = CountyBuilder.Classic(CountyBuilder.Start, WcmStart);

        Assert.True(period.IsInForceOn(new DateOnly(2019, 6, 30)));
        Assert.False(period.IsInForceOn(WcmStart));
    }

    [Fact]
    public void Date_before_any_recorded_model_is_a_clear_error()
    {
        var orange = OrangeMovingToWholeChild();

        var error = Assert.Throws<InvalidOperationException>(() => orange.ModelOn(new DateOnly(1999, 12, 31)));
        Assert.Contains("Orange", error.Message);
        Assert.Contains("1999-12-31", error.Message);
    }

    [Fact]
    public void Overlapping_model_periods_for_a_county_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CountyBuilder.County(30,
            CountyBuilder.Classic(CountyBuilder.Start, new DateOnly(2019, 7, 2)),
            CountyBuilder.WholeChild(WcmStart, "CalOptima")));

        Assert.Contains("overlapping", error.Message);
    }

    [Fact]
    public void Open_ended_period_followed_by_another_is_overlapping()
    {
        Assert.Throws<ArgumentException>(() => CountyBuilder.County(30,
            CountyBuilder.Classic(CountyBuilder.Start),
            CountyBuilder.WholeChild(WcmStart, "CalOptima")));
    }

    [Fact]
    public void Whole_child_model_period_must_name_its_plan()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new CountyModelPeriod(WcmStart, null, CareModel.WholeChildModel, " ", Administration.Independent, "regulation"));

        Assert.Contains("plan", error.Message);
    }

    [Fact]
    public void Classic_period_has_no_plan()
    {
        Assert.Throws<ArgumentException>(() =>
            new CountyModelPeriod(WcmStart, null, CareModel.Classic, "CalOptima", Administration.Independent, "regulation"));
    }

    [Fact]
    public void Period_must_end_after_it_starts()
    {
        Assert.Throws<ArgumentException>(() =>
            new CountyModelPeriod(WcmStart, WcmStart, CareModel.Classic, null, Administration.Independent, "convention"));
    }

    [Fact]
    public void Administration_source_defaults_to_the_period_source()
    {
        var period = new CountyModelPeriod(WcmStart, null, CareModel.Classic, null, Administration.Dependent, "convention");

        Assert.Equal("convention", period.AdministrationSource);
    }
}
