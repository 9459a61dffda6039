using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Tests.Common;
using OpenCcs.Core.Tests.Counties;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Who reviews a SAR under Classic CCS and the Whole Child Model (DOMAIN.md §3; reference/003).</summary>
public class ReviewerRoutingTests
{
    private const string Plan = "Central California Alliance for Health";
    private static readonly DateOnly WcmStart = Instants.Day("2026-03-02");

    // SarBuilder's SARs belong to county 19; here it joins the Whole Child Model on the day they are received.
    private static readonly County Wcm = CountyBuilder.County(19, CountyBuilder.Classic(CountyBuilder.Start, WcmStart), CountyBuilder.WholeChild(WcmStart, Plan));

    private static Sar Received(DateTime at, SarRequestFlags flags = SarRequestFlags.None) =>
        Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.EstablishedClient, "Q21.0", false, null,
            [SarBuilder.Echo()], SarBuilder.Provider, at, flags);

    [Fact]
    public void Classic_county_reviews_its_own_sars()
    {
        var reviewer = ReviewerRouting.ReviewerFor(CountyBuilder.County(19), Received(Instants.Monday), ccsOnly: false);

        Assert.Equal(ReviewerKind.County, reviewer.Kind);
        Assert.Null(reviewer.PlanName);
        Assert.Contains("Classic CCS", reviewer.Why);
    }

    [Fact]
    public void Whole_child_model_plan_reviews_for_its_members()
    {
        var reviewer = ReviewerRouting.ReviewerFor(Wcm, Received(Instants.Monday), ccsOnly: false);

        Assert.Equal(new SarReviewer(ReviewerKind.Plan, Plan, $"Los Angeles County is a Whole Child Model county: {Plan} reviews for its members."), reviewer);
    }

    [Theory]
    [InlineData(SarRequestFlags.Nicu)]
    [InlineData(SarRequestFlags.HighRiskInfantFollowUp)]
    [InlineData(SarRequestFlags.Nicu | SarRequestFlags.OutOfState)]
    public void Nicu_and_hrif_requests_go_to_the_county_even_under_the_whole_child_model(SarRequestFlags flags)
    {
        var reviewer = ReviewerRouting.ReviewerFor(Wcm, Received(Instants.Monday, flags), ccsOnly: false);

        Assert.Equal(ReviewerKind.County, reviewer.Kind);
        Assert.Contains("to open a case", reviewer.Why);
    }

    [Fact]
    public void Ccs_only_child_stays_with_the_county_even_under_the_whole_child_model()
    {
        var reviewer = ReviewerRouting.ReviewerFor(Wcm, Received(Instants.Monday), ccsOnly: true);

        Assert.Equal(ReviewerKind.County, reviewer.Kind);
        Assert.Contains("CCS-only", reviewer.Why);
    }

    [Fact]
    public void Reviewer_follows_the_county_model_on_the_california_date_the_request_was_received()
    {
        // 07:30 UTC on 2026-03-02 is still Sunday 2026-03-01 in California, before the county joined the Whole Child Model.
        var sundayNight = ReviewerRouting.ReviewerFor(Wcm, Received(new DateTime(2026, 3, 2, 7, 30, 0, DateTimeKind.Utc)), ccsOnly: false);
        var mondayMorning = ReviewerRouting.ReviewerFor(Wcm, Received(Instants.Monday), ccsOnly: false);

        Assert.Equal(ReviewerKind.County, sundayNight.Kind);
        Assert.Equal(ReviewerKind.Plan, mondayMorning.Kind);
    }

    [Fact]
    public void Reviewer_is_decided_by_the_sars_own_county()
    {
        Assert.Throws<ArgumentException>(() => ReviewerRouting.ReviewerFor(CountyBuilder.County(10), Received(Instants.Monday), ccsOnly: false));
    }
}
