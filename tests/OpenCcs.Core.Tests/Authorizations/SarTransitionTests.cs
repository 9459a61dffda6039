using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

public enum SarAction
{
    BeginReview,
    PendForInformation,
    ResumeReview,
    Approve,
    Modify,
    Deny,
    Cancel,
    Redirect,
    ForwardToIscd,
    ReturnToCounty,
}

/// <summary>The SAR status machine (DOMAIN.md §5, §7), every status a SAR can reach against every action.</summary>
public class SarTransitionTests
{
    private static readonly SarStatus[] ReachableStatuses = Enum.GetValues<SarStatus>().Where(s => s != SarStatus.Draft).ToArray();

    /// <summary>What each status allows; every other action is refused.</summary>
    private static readonly Dictionary<SarStatus, SarAction[]> Allowed = new()
    {
        [SarStatus.Submitted] = [SarAction.BeginReview, SarAction.Cancel, SarAction.Redirect],
        [SarStatus.InReview] =
            [SarAction.PendForInformation, SarAction.Approve, SarAction.Modify, SarAction.Deny, SarAction.Cancel, SarAction.Redirect, SarAction.ForwardToIscd],
        [SarStatus.PendedForInformation] = [SarAction.BeginReview, SarAction.ResumeReview, SarAction.Cancel, SarAction.ForwardToIscd],
        [SarStatus.ForwardedToIscd] =
            [SarAction.PendForInformation, SarAction.Approve, SarAction.Modify, SarAction.Deny, SarAction.Cancel, SarAction.ReturnToCounty],
        [SarStatus.Returned] = [SarAction.BeginReview, SarAction.Cancel, SarAction.ForwardToIscd],
        [SarStatus.Approved] = [],
        [SarStatus.Modified] = [],
        [SarStatus.Denied] = [],
        [SarStatus.Cancelled] = [],
        [SarStatus.Redirected] = [],
    };

    public static TheoryData<SarStatus, SarAction, bool> Matrix()
    {
        var data = new TheoryData<SarStatus, SarAction, bool>();
        foreach (var (status, actions) in Allowed)
        {
            foreach (var action in Enum.GetValues<SarAction>()) data.Add(status, action, actions.Contains(action));
        }
        return data;
    }

    private const string Actor = "county:reviewer";
    private const string Reason = "Reason the reviewer gave";
    private static readonly DateTime InformationArrived = Instants.Later(25);

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
            var informationReceived = action == SarAction.ResumeReview ? InformationArrived : (DateTime?)null;
            Assert.Equal(new SarTransition(from, TargetOf(action), at, Actor, ReasonRecordedFor(action), informationReceived) { Step = historyBefore + 1 }, sar.History[^1]);
        }
        else if (action == SarAction.ResumeReview)
        {
            var error = Rules.Refused("sar.not-pended", () => Perform(sar, action, at));

            Assert.Equal($"Only a SAR pended for information can resume; this one is {Sar.Describe(from)}.", error.Message);
            Assert.Equal(from, sar.Status);
            Assert.Equal(historyBefore, sar.History.Count);
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
    public void Transition_table_has_a_row_for_every_reachable_status()
    {
        Assert.Equal(ReachableStatuses.Order(), Allowed.Keys.Order());
    }

    [Fact]
    public void Every_status_the_table_allows_is_reached_by_some_action()
    {
        foreach (var from in ReachableStatuses)
        {
            var reached = Allowed[from].Select(TargetOf).Distinct().Order();

            Assert.Equal(SarTransitions.From(from).Order(), reached);
        }
    }

    [Fact]
    public void Only_approved_modified_and_denied_sars_count_as_decided()
    {
        var decided = ReachableStatuses.Where(status => SarBuilder.In(status).IsDecided);

        Assert.Equal([SarStatus.Approved, SarStatus.Modified, SarStatus.Denied], decided);
    }

    [Fact]
    public void Sars_waiting_for_a_decision_anywhere_count_as_pending()
    {
        var pending = ReachableStatuses.Where(status => SarBuilder.In(status).IsPending);

        Assert.Equal(
            [SarStatus.Submitted, SarStatus.InReview, SarStatus.PendedForInformation, SarStatus.Returned, SarStatus.ForwardedToIscd], pending);
    }

    private static void Perform(Sar sar, SarAction action, DateTime at)
    {
        switch (action)
        {
            case SarAction.BeginReview: sar.BeginReview(Actor, at); break;
            case SarAction.PendForInformation: sar.PendForInformation(Actor, Reason, at); break;
            case SarAction.ResumeReview: sar.ResumeReview(Actor, InformationArrived, at); break;
            case SarAction.Approve: sar.Approve(Actor, at); break;
            case SarAction.Modify: sar.Approve(Actor, SarBuilder.EchoOnly(sar) with { Reason = Reason }, ReferenceTables.Rules, at); break;
            case SarAction.Deny: sar.Deny(Actor, Reason, at); break;
            case SarAction.Cancel: sar.Cancel(Actor, Reason, at); break;
            case SarAction.Redirect: sar.Redirect(Actor, Reason, at); break;
            case SarAction.ForwardToIscd: sar.ForwardToIscd(IscdQueue.DirectedReview, "CS-9", Actor, at); break;
            case SarAction.ReturnToCounty: sar.ReturnToCounty(Actor, Reason, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static SarStatus TargetOf(SarAction action) => action switch
    {
        SarAction.BeginReview or SarAction.ResumeReview => SarStatus.InReview,
        SarAction.PendForInformation => SarStatus.PendedForInformation,
        SarAction.Approve => SarStatus.Approved,
        SarAction.Modify => SarStatus.Modified,
        SarAction.Deny => SarStatus.Denied,
        SarAction.Cancel => SarStatus.Cancelled,
        SarAction.Redirect => SarStatus.Redirected,
        SarAction.ForwardToIscd => SarStatus.ForwardedToIscd,
        SarAction.ReturnToCounty => SarStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string? ReasonRecordedFor(SarAction action) => action switch
    {
        SarAction.BeginReview or SarAction.ResumeReview or SarAction.Approve => null,
        SarAction.ForwardToIscd => "ISCD Directed Review, cover sheet CS-9",
        _ => Reason,
    };

    private static string Words(SarStatus status) => status switch
    {
        SarStatus.Submitted => "submitted",
        SarStatus.InReview => "in review",
        SarStatus.PendedForInformation => "pended for information",
        SarStatus.Approved => "approved",
        SarStatus.Modified => "modified",
        SarStatus.Denied => "denied",
        SarStatus.Returned => "returned",
        SarStatus.Cancelled => "cancelled",
        SarStatus.Redirected => "redirected",
        SarStatus.ForwardedToIscd => "forwarded to ISCD",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
