using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

public sealed record ReviewClockView(DateTime StartedAt, DateTime DueAt, string TimeLeft, bool Overdue, bool Running);

public sealed record IscdProposalView(IscdQueue Queue, string QueueName, string? Category, string MatchedOn);

public sealed record SarReview(
    SarDetails Sar, int Version, string Reviewer, ReviewClockView Clock, IReadOnlyList<string> Actions, IscdProposalView? Proposal,
    IscdQueue? IscdQueue, IReadOnlyList<PendedInterval> Pended)
{
    /// <summary>The SAR type an approval without details takes, preselected on the form.</summary>
    public SarType ImpliedType { get; init; }

    /// <summary>The facility named on the request, with the NICU level it is approved for today (null: none).</summary>
    public string? FacilityName { get; init; }

    public NicuLevel? FacilityNicuLevel { get; init; }
}

/// <summary>A SAR as its reviewer sees it: the request, its clock, and what the reviewer may do now.</summary>
public sealed class ReviewSar(CcsDbContext db, GetSar details, ChildAccess access, ReviewScope scope, ReviewTimeLimitTable limits, IscdRoutingTable routing, Auditor auditor, TimeProvider clock)
{
    public async Task<SarReview?> HandleAsync(string number, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!SarNumber.TryParse(number, out var sarNumber)) return null;
        var sar = await access.Sars().AsNoTracking().SingleOrDefaultAsync(s => s.Number == sarNumber, cancellationToken);
        if (sar is not null && !scope.Reviews(sar))
        {
            await auditor.DeniedAsync("Sar", sar.Id.ToString(), sar.ChildId, cancellationToken);
            return null;
        }
        // GetSar audits the read, or the refusal when the SAR is outside the user's scope.
        if (await details.HandleAsync(number, cancellationToken) is not { } view || sar is null) return null;
        var reviewClock = sar.Clock(limits, BusinessCalendar.California);
        var facility = sar.FacilityId is { } facilityId ? await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == facilityId, cancellationToken) : null;
        var proposal = scope.IsIscd ? null : routing.ProposeQueue(sar, now);
        return new SarReview(
            view, sar.Version, scope.IsIscd ? "ISCD" : scope.ReviewerOf(sar).Why,
            new ReviewClockView(reviewClock.StartedAt, reviewClock.DueAt, BuildWorklist.TimeLeftText(reviewClock.TimeLeft(now)), reviewClock.IsOverdue(now), reviewClock.IsRunning),
            ActionsFor(sar),
            proposal is null ? null : new IscdProposalView(proposal.Queue, IscdRoutingTable.Describe(proposal.Queue), proposal.Category?.Name, proposal.MatchedOn),
            sar.IscdQueue, sar.PendedIntervals())
        {
            ImpliedType = SarDecision.ImpliedType(sar),
            FacilityName = facility?.Name,
            FacilityNicuLevel = facility?.NicuLevelOn(DateOnly.FromDateTime(now)),
        };
    }

    /// <summary>The actions open to this reviewer now, from the SAR's allowed transitions.</summary>
    public IReadOnlyList<string> ActionsFor(Sar sar)
    {
        if (!scope.Holds(sar)) return [];
        var actions = new List<string>();
        foreach (var to in SarTransitions.From(sar.Status))
        {
            switch (to)
            {
                case SarStatus.InReview when sar.Status == SarStatus.PendedForInformation:
                    actions.Add(ReviewActions.Resume);
                    break;
                case SarStatus.InReview:
                    actions.Add(ReviewActions.BeginReview);
                    break;
                case SarStatus.Approved:
                    actions.Add(ReviewActions.Approve);
                    break;
                case SarStatus.Modified:
                    actions.Add(ReviewActions.Modify);
                    break;
                case SarStatus.Denied:
                    actions.Add(ReviewActions.Deny);
                    break;
                case SarStatus.PendedForInformation:
                    actions.Add(ReviewActions.Pend);
                    break;
                case SarStatus.ForwardedToIscd when !scope.IsIscd:
                    actions.Add(ReviewActions.Forward);
                    break;
                case SarStatus.Returned when scope.IsIscd:
                    actions.Add(ReviewActions.Return);
                    break;
                case SarStatus.Cancelled:
                    actions.Add(ReviewActions.Cancel);
                    break;
            }
        }
        return actions;
    }
}
