using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

public class SarReviewTests
{
    [Fact]
    public void Approval_authorizes_every_line_as_requested_and_records_when_it_was_decided()
    {
        var sar = SarBuilder.Submit(SarBuilder.Echo(units: 2), SarBuilder.Visits(units: 12));
        sar.BeginReview(SarBuilder.Nurse, Instants.Later(1));

        sar.Approve(SarBuilder.Consultant, Instants.Later(2));

        Assert.Equal(SarStatus.Approved, sar.Status);
        Assert.Equal([2, 12], sar.Lines.Select(l => l.AuthorizedUnits ?? 0));
        Assert.Equal(Instants.Later(2), sar.DecidedAt);
        Assert.Null(sar.DecisionReason);
        Assert.True(sar.IsDecided);
    }

    [Fact]
    public void Denial_records_its_reason_and_when_it_was_decided()
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        sar.Deny(SarBuilder.Consultant, "  Echocardiogram done last month; no change since  ", Instants.Later(5));

        Assert.Equal(SarStatus.Denied, sar.Status);
        Assert.Equal("Echocardiogram done last month; no change since", sar.DecisionReason);
        Assert.Equal(Instants.Later(5), sar.DecidedAt);
        Assert.All(sar.Lines, line => Assert.Null(line.AuthorizedUnits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Denial_needs_a_reason_the_family_can_read(string reason)
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        var error = Rules.Refused("sar.deny-reason-required", () => sar.Deny(SarBuilder.Consultant, reason, Instants.Later(5)));

        Assert.Contains("reason the family can read", error.Message);
        Assert.Equal(SarStatus.InReview, sar.Status);
        Assert.Null(sar.DecidedAt);
    }

    [Fact]
    public void Pending_for_information_must_say_what_is_needed()
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        var error = Rules.Refused("sar.pend-reason-required", () => sar.PendForInformation(SarBuilder.Nurse, " ", Instants.Later(5)));

        Assert.Contains("what information is needed", error.Message);
        Assert.Equal(SarStatus.InReview, sar.Status);
    }

    [Fact]
    public void Cancelling_must_say_why()
    {
        var sar = SarBuilder.In(SarStatus.Submitted);

        var error = Rules.Refused("sar.cancel-reason-required", () => sar.Cancel(SarBuilder.Provider, "", Instants.Later(5)));

        Assert.Contains("why the request is cancelled", error.Message);
        Assert.Equal(SarStatus.Submitted, sar.Status);
    }

    [Fact]
    public void History_records_who_moved_the_sar_when_from_what_to_what_and_why_in_order()
    {
        var sar = SarBuilder.Submit();

        sar.BeginReview(SarBuilder.Nurse, Instants.Later(10));
        sar.PendForInformation(SarBuilder.Nurse, " Latest cardiology note ", Instants.Later(20));
        sar.BeginReview(SarBuilder.Nurse, Instants.Later(30));
        sar.Deny(SarBuilder.Consultant, "Not related to the CCS condition", Instants.Later(40));

        SarTransition[] expected =
        [
            new(SarStatus.Draft, SarStatus.Submitted, Instants.Monday, SarBuilder.Provider, null) { Step = 1 },
            new(SarStatus.Submitted, SarStatus.InReview, Instants.Later(10), SarBuilder.Nurse, null) { Step = 2 },
            new(SarStatus.InReview, SarStatus.PendedForInformation, Instants.Later(20), SarBuilder.Nurse, "Latest cardiology note") { Step = 3 },
            new(SarStatus.PendedForInformation, SarStatus.InReview, Instants.Later(30), SarBuilder.Nurse, null) { Step = 4 },
            new(SarStatus.InReview, SarStatus.Denied, Instants.Later(40), SarBuilder.Consultant, "Not related to the CCS condition") { Step = 5 },
        ];
        Assert.Equal(expected, sar.History);
    }

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void Transition_time_must_be_utc_and_a_refused_time_changes_nothing(DateTimeKind kind)
    {
        var sar = SarBuilder.In(SarStatus.InReview);
        var notUtc = DateTime.SpecifyKind(Instants.Later(5), kind);

        Assert.Throws<ArgumentException>(() => sar.Approve(SarBuilder.Consultant, notUtc));

        Assert.Equal(SarStatus.InReview, sar.Status);
        Assert.Equal(2, sar.History.Count);
        Assert.Null(sar.DecidedAt);
        Assert.All(sar.Lines, line => Assert.Null(line.AuthorizedUnits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Every_transition_names_who_made_it(string actor)
    {
        var sar = SarBuilder.In(SarStatus.Submitted);

        var error = Assert.Throws<ArgumentException>(() => sar.BeginReview(actor, Instants.Later(5)));

        Assert.Contains("names who made it", error.Message);
        Assert.Equal(SarStatus.Submitted, sar.Status);
        Assert.Single(sar.History);
    }

    [Fact]
    public void Submission_must_name_who_submitted()
    {
        Assert.Throws<ArgumentException>(() =>
            Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.NewReferral, "Q21.0", false, null,
                [SarBuilder.Echo()], " ", Instants.Monday));
    }

    [Theory]
    [InlineData(SarStatus.InReview, "in review")]
    [InlineData(SarStatus.PendedForInformation, "pended for information")]
    [InlineData(SarStatus.Submitted, "submitted")]
    [InlineData(SarStatus.Redirected, "redirected")]
    [InlineData(SarStatus.ForwardedToIscd, "forwarded to ISCD")]
    public void Statuses_are_described_in_plain_words(SarStatus status, string words)
    {
        Assert.Equal(words, Sar.Describe(status));
    }
}
