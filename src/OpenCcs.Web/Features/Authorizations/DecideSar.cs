using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Common;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>What a reviewer does to a SAR. Names as sent in the API's <c>action</c> field.</summary>
public static class ReviewActions
{
    public const string BeginReview = "begin-review";
    public const string Approve = "approve";
    public const string Modify = "modify";
    public const string Deny = "deny";
    public const string Pend = "pend";
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string Forward = "forward";
    public const string Return = "return";
}

/// <summary>One requested line as the reviewer decides it; leaving <see cref="Authorized"/> false leaves the line out.</summary>
public sealed record LineDecisionRequest(int LineNumber, bool Authorized, int? Units, DateOnly? From, DateOnly? To);

/// <summary>A decision on a SAR, with the <see cref="Version"/> of the SAR the reviewer read.</summary>
public sealed record SarDecisionRequest
{
    public string Action { get; init; } = "";

    public int Version { get; init; }

    /// <summary>Why: required to modify, deny, pend (what is needed), cancel and return.</summary>
    public string? Reason { get; init; }

    /// <summary>The id of a rule in <see cref="DecideNotices.Rules"/>; required to deny or modify.</summary>
    public string? Rule { get; init; }

    public SarType? Type { get; init; }

    public Guid? AuthorizedProviderId { get; init; }

    /// <summary>Null approves every line as requested.</summary>
    public IReadOnlyList<LineDecisionRequest>? Lines { get; init; }

    public string? ScgCode { get; init; }

    /// <summary>For a NICU SAR: the level of care authorised, no higher than the facility's approval on every day.</summary>
    public NicuLevel? NicuLevel { get; init; }

    public DateOnly? ScgFrom { get; init; }

    public DateOnly? ScgTo { get; init; }

    /// <summary>To forward: the queue; null takes the proposed one.</summary>
    public IscdQueue? Queue { get; init; }

    /// <summary>To resume: when the information arrived; null means now.</summary>
    public DateTime? InformationReceivedAt { get; init; }
}

public enum DecisionOutcome
{
    Saved,
    NotFound,
    Conflict,
}

public sealed record DecisionResult(DecisionOutcome Outcome, string? Number = null, SarStatus? Status = null, int? Version = null, Guid? NoticeId = null);

/// <summary>
/// Applies a reviewer's decision: checks the SAR is theirs and unchanged since they read it, calls the domain,
/// and saves the change, its audit record and any notice in one SaveChanges. A stale version is a conflict and
/// nothing is saved.
/// </summary>
public sealed class DecideSar(
    CcsDbContext db, ChildAccess access, ReviewScope scope, CurrentUser user, Auditor auditor, DecideNotices notices,
    ServiceCodeGroupTable scgs, IscdRoutingTable routing, TimeProvider clock)
{
    public async Task<DecisionResult> HandleAsync(string number, SarDecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!SarNumber.TryParse(number, out var sarNumber)) return new(DecisionOutcome.NotFound);
        var sar = await access.Sars().SingleOrDefaultAsync(s => s.Number == sarNumber, cancellationToken);
        if (sar is null || !scope.Reviews(sar))
        {
            var other = sar ?? await db.Sars.AsNoTracking().SingleOrDefaultAsync(s => s.Number == sarNumber, cancellationToken);
            if (other is not null) await auditor.DeniedAsync("Sar", other.Id.ToString(), other.ChildId, cancellationToken);
            return new(DecisionOutcome.NotFound);
        }
        if (sar.Version != request.Version) return new(DecisionOutcome.Conflict, sar.Number.Value, sar.Status, sar.Version);
        if (!scope.Holds(sar))
            throw new DomainRuleException("sar.not-your-turn", scope.IsIscd
                ? "This SAR is with the county, not with ISCD; it can be decided here only once the county forwards it."
                : "This SAR is with ISCD; the county can act on it again only if ISCD returns it.");

        var noticeId = await ApplyAsync(sar, request, now, cancellationToken);
        auditor.Record(AuditAction.Update, "Sar", sar.Id.ToString(), sar.ChildId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(DecisionOutcome.Conflict, sar.Number.Value);
        }
        return new(DecisionOutcome.Saved, sar.Number.Value, sar.Status, sar.Version, noticeId);
    }

    private async Task<Guid?> ApplyAsync(Sar sar, SarDecisionRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var actor = user.Id;
        switch (request.Action)
        {
            case ReviewActions.BeginReview:
                sar.BeginReview(actor, now);
                return null;
            case ReviewActions.Approve or ReviewActions.Modify:
                if (request.Action == ReviewActions.Modify && string.IsNullOrWhiteSpace(request.Reason))
                    throw new DomainRuleException("sar.modify-reason-required", "Say why the approval differs from the request, in words the family can read.");
                var rule = DecideNotices.Rule(request.Rule);
                sar.Approve(actor, await DecisionAsync(sar, request, cancellationToken), new ReviewRules(scgs), now);
                if (sar.Status == SarStatus.Approved)
                    return (await notices.ApprovalLetterAsync(sar, now, cancellationToken)).Id;
                if (rule is null) throw RuleRequired();
                return (await notices.NoticeOfActionAsync(sar, NoticeAction.Modified, sar.DecisionReason!, rule, ReviewerKindOf(sar), now, cancellationToken)).Id;
            case ReviewActions.Deny:
                var denial = DecideNotices.Rule(request.Rule) ?? throw RuleRequired();
                sar.Deny(actor, request.Reason ?? "", now);
                return (await notices.NoticeOfActionAsync(sar, NoticeAction.Denied, sar.DecisionReason!, denial, ReviewerKindOf(sar), now, cancellationToken)).Id;
            case ReviewActions.Pend:
                sar.PendForInformation(actor, request.Reason ?? "", now);
                return null;
            case ReviewActions.Resume:
                sar.ResumeReview(actor, request.InformationReceivedAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : now, now);
                return null;
            case ReviewActions.Cancel:
                sar.Cancel(actor, request.Reason ?? "", now);
                return null;
            case ReviewActions.Forward:
                if (scope.IsIscd) throw new DomainRuleException("sar.forward-county-only", "Only the county or plan forwards a SAR to ISCD.");
                var proposal = routing.ProposeQueue(sar, now);
                var queue = request.Queue ?? proposal?.Queue
                    ?? throw new DomainRuleException("sar.iscd-queue-required", "No ISCD category matches this request; choose the queue to forward it to.");
                var category = proposal is not null && proposal.Queue == queue ? proposal.Category : null;
                var sheet = await notices.CoverSheetAsync(sar, queue, category?.Name ?? "Chosen by the county reviewer", user.DisplayName, request.Reason, now, cancellationToken);
                sar.ForwardToIscd(queue, sheet.Id.ToString(), actor, now, category?.Id);
                return sheet.Id;
            case ReviewActions.Return:
                if (!scope.IsIscd) throw new DomainRuleException("sar.return-iscd-only", "Only ISCD returns a SAR to the county.");
                sar.ReturnToCounty(actor, request.Reason ?? "", now);
                return null;
            default:
                throw new DomainRuleException("sar.unknown-action",
                    $"'{request.Action}' is not a review action. Use one of: begin-review, approve, modify, deny, pend, resume, cancel, forward, return.");
        }
    }

    private ReviewerKind ReviewerKindOf(Sar sar) => scope.IsIscd ? ReviewerKind.County : scope.ReviewerOf(sar).Kind;

    private static DomainRuleException RuleRequired() =>
        new("sar.rule-required", $"Choose the rule the decision rests on ({string.Join(", ", DecideNotices.Rules.Select(r => r.Id))}); it is printed on the Notice of Action.");

    private async Task<SarDecision> DecisionAsync(Sar sar, SarDecisionRequest request, CancellationToken cancellationToken)
    {
        var decision = Decision(sar, request);
        if (decision.Type != SarType.Nicu || request.NicuLevel is not { } level) return decision;
        // The level may not exceed what the facility is approved for on every authorised day (reference/003).
        var days = decision.Lines.Where(l => l.Disposition == LineDisposition.Authorized).ToArray();
        var facility = sar.FacilityId is { } id ? await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        var approved = facility is null || days.Length == 0
            ? null
            : NicuAuthorization.ApprovedThroughout(facility, days.Min(l => l.From!.Value), days.Max(l => l.To!.Value));
        return decision with { Nicu = new NicuAuthorization(level, approved) };
    }

    private static SarDecision Decision(Sar sar, SarDecisionRequest request)
    {
        var type = request.Type ?? SarDecision.ImpliedType(sar);
        var lines = request.Lines is null
            ? sar.Lines.Select(LineDecision.AsRequested).ToArray()
            : sar.Lines.Select(line => request.Lines.FirstOrDefault(l => l.LineNumber == line.LineNumber) is { Authorized: true } given
                ? LineDecision.Authorize(line.LineNumber, given.Units ?? line.RequestedUnits, given.From ?? line.From, given.To ?? line.To)
                : LineDecision.NotAuthorized(line.LineNumber)).ToArray();
        return new SarDecision(type, request.AuthorizedProviderId ?? sar.RequestingProviderId, lines)
        {
            Reason = request.Reason,
            Scg = request.ScgCode is { Length: > 0 } code && request.ScgFrom is { } from && request.ScgTo is { } to ? new ScgGrant(code, from, to) : null,
        };
    }
}
