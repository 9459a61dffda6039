using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

public enum SarAction
{
    BeginReview,
    PendForInformation,
    Approve,
    Deny,
    Cancel,
}

/// <summary>The SAR status machine (DOMAIN.md §5), every status a SAR can reach against every reviewer action.</summary>
public class SarTransitionTests
{
    private static readonly SarStatus[] ReachableStatuses =
        [SarStatus.Submitted, SarStatus.InReview, SarStatus.PendedForInformation, SarStatus.Approved, SarStatus.Denied, SarStatus.Cancelled];

    public static readonly TheoryData<SarStatus, SarAction, bool> Matrix = new()
    {
        { SarStatus.Submitted, SarAction.BeginReview, true },
        { SarStatus.Submitted, SarAction.PendForInformation, false },
        { SarStatus.Submitted, SarAction.Approve, false },
        { SarStatus.Submitted, SarAction.Deny, false },
        { SarStatus.Submitted, SarAction.Cancel, true },

        { SarStatus.InReview, SarAction.BeginReview, false },
        { SarStatus.InReview, SarAction.PendForInformation, true },
        { SarStatus.InReview, SarAction.Approve, true },
        { SarStatus.InReview, SarAction.Deny, true },
        { SarStatus.InReview, SarAction.Cancel, true },

        { SarStatus.PendedForInformation, SarAction.BeginReview, true },
        { SarStatus.PendedForInformation, SarAction.PendForInformation, false },
        { SarStatus.PendedForInformation, SarAction.Approve, false },
        { SarStatus.PendedForInformation, SarAction.Deny, false },
        { SarStatus.PendedForInformation, SarAction.Cancel, true },

        { SarStatus.Approved, SarAction.BeginReview, false },
        { SarStatus.Approved, SarAction.PendForInformation, false },
        { SarStatus.Approved, SarAction.Approve, false },
        { SarStatus.Approved, SarAction.Deny, false },
        { SarStatus.Approved, SarAction.Cancel, false },

        { SarStatus.Denied, SarAction.BeginReview, false },
        { SarStatus.Denied, SarAction.PendForInformation, false },
        { SarStatus.Denied, SarAction.Approve, false },
        { SarStatus.Denied, SarAction.Deny, false },
        { SarStatus.Denied, SarAction.Cancel, false },

        { SarStatus.Cancelled, SarAction.BeginReview, false },
        { SarStatus.Cancelled, SarAction.PendForInformation, false },
        { SarStatus.Cancelled, SarAction.Approve, false },
        { SarStatus.Cancelled, SarAction.Deny, false },
        { SarStatus.Cancelled, SarAction.Cancel, false },
    };

    private const string Reason = "Reason the reviewer gave";

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Sar_moves_only_along_allowed_transitions(SarStatus from, SarAction action, bool allowed)
    {
        var sar = SarBuilder.In(from);
        var historyBefore = sar.History.Count;
        var at = Instants.Later(30);

        if (allowed)
        {
            Perform(sar, action, at);

            Assert.Equal(TargetOf(action), sar.Status);
            Assert.Equal(historyBefore + 1, sar.History.Count);
            Assert.Equal(new SarTransition(from, TargetOf(action), at, Actor, ReasonRecordedFor(action)), sar.History[^1]);
        }
        else
        {
            var error = Rules.Refused("sar.transition-not-allowed", () => Perform(sar, action, at));

            Assert.Equal($"A SAR that is {Words(from)} cannot become {Words(TargetOf(action))}.", error.Message);
            Assert.Equal(from, sar.Status);
            Assert.Equal(historyBefore, sar.History.Count);
        }
    }

    [Fact]
    public void Transition_table_covers_every_reachable_status_against_every_action_once()
    {
        var rows = Matrix.Select(row => ((SarStatus)row[0], (SarAction)row[1])).ToList();

        var expected = ReachableStatuses.SelectMany(status => Enum.GetValues<SarAction>().Select(action => (status, action)));

        Assert.Equal(expected.OrderBy(x => x), rows.OrderBy(x => x));
    }

    [Fact]
    public void Only_approved_and_denied_sars_count_as_decided()
    {
        var decided = ReachableStatuses.Where(status => SarBuilder.In(status).IsDecided);

        Assert.Equal([SarStatus.Approved, SarStatus.Denied], decided);
    }

    private const string Actor = "county:reviewer";

    private static void Perform(Sar sar, SarAction action, DateTime at)
    {
        switch (action)
        {
            case SarAction.BeginReview: sar.BeginReview(Actor, at); break;
            case SarAction.PendForInformation: sar.PendForInformation(Actor, Reason, at); break;
            case SarAction.Approve: sar.Approve(Actor, at); break;
            case SarAction.Deny: sar.Deny(Actor, Reason, at); break;
            case SarAction.Cancel: sar.Cancel(Actor, Reason, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static SarStatus TargetOf(SarAction action) => action switch
    {
        SarAction.BeginReview => SarStatus.InReview,
        SarAction.PendForInformation => SarStatus.PendedForInformation,
        SarAction.Approve => SarStatus.Approved,
        SarAction.Deny => SarStatus.Denied,
        SarAction.Cancel => SarStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string? ReasonRecordedFor(SarAction action) =>
        action is SarAction.BeginReview or SarAction.Approve ? null : Reason;

    private static string Words(SarStatus status) => status switch
    {
        SarStatus.Submitted => "submitted",
        SarStatus.InReview => "in review",
        SarStatus.PendedForInformation => "pended for information",
        SarStatus.Approved => "approved",
        SarStatus.Denied => "denied",
        SarStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
