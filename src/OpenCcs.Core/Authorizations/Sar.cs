using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// A Service Authorization Request (DOMAIN.md §5, §7). Its status changes only through the methods below,
/// each checking the transition against <see cref="SarTransitions"/> and recording it. Time-based
/// states (due, overdue, escalated) are derived from the stored dates when read.
/// </summary>
public sealed class Sar : AggregateRoot
{
    private readonly List<SarLine> _lines = [];
    private readonly List<SarTransition> _history = [];

    private Sar() { }

    public SarNumber Number { get; private set; }

    public Guid ChildId { get; private set; }

    public CountyCode County { get; private set; }

    public Guid RequestingProviderId { get; private set; }

    public Guid? FacilityId { get; private set; }

    public SarFormType FormType { get; private set; }

    /// <summary>For an extension (DHCS 4509), the approved SAR it continues; null for a new request.</summary>
    public SarNumber? ExtendsNumber { get; private set; }

    /// <summary>The CCS diagnosis, ICD-10-CM.</summary>
    public string DiagnosisCode { get; private set; } = "";

    public bool Expedited { get; private set; }

    public string? ExpeditedReason { get; private set; }

    public SarRequestFlags Flags { get; private set; }

    /// <summary>When the county received the request; the review clock and the 45-day escalation count from here.</summary>
    public DateTime ReceivedAt { get; private set; }

    /// <summary>
    /// A new-referral SAR for a child without an open case: accepted, shown to county intake, and not
    /// approved until eligibility is decided (project choice: a flag beside the status, not a status).
    /// </summary>
    public bool AwaitingEligibility { get; private set; }

    public SarStatus Status { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public SarType? Type { get; private set; }

    public Guid? AuthorizedProviderId { get; private set; }

    public NicuLevel? AuthorizedNicuLevel { get; private set; }

    public string? ScgCode { get; private set; }

    public DateOnly? ScgFrom { get; private set; }

    public DateOnly? ScgTo { get; private set; }

    /// <summary>The ISCD queue the SAR was last forwarded to, with its cover sheet and routing category.</summary>
    public IscdQueue? IscdQueue { get; private set; }

    public string? IscdCoverSheetId { get; private set; }

    public string? IscdCategoryId { get; private set; }

    // Databases return owned rows in no particular order, so the order users see is restored here.
    public IReadOnlyList<SarLine> Lines => _lines.OrderBy(l => l.LineNumber).ToList();

    public IReadOnlyList<SarTransition> History => _history.OrderBy(h => h.Step).ToList();

    private SarTransition LastStep => _history.MaxBy(h => h.Step)!;

    // Derived values of record types are methods, not properties, so EF Core does not take them for entities.

    /// <summary>The SCG the approval granted, or null.</summary>
    public ScgGrant? GrantedScg() => ScgCode is { } code && ScgFrom is { } from && ScgTo is { } to ? new ScgGrant(code, from, to) : null;

    public static Sar Submit(
        SarNumber number, Guid childId, Guid requestingProviderId, Guid? facilityId, SarFormType formType, string diagnosisCode,
        bool expedited, string? expeditedReason, IEnumerable<SarLineRequest> lines, string actorId, DateTime receivedAtUtc,
        SarRequestFlags flags = SarRequestFlags.None, bool childHasOpenCase = true, Sar? extends = null)
    {
        if (number.IsEmpty) throw new DomainRuleException("sar.number-required", "A SAR needs a number.");
        if (string.IsNullOrWhiteSpace(diagnosisCode)) throw new DomainRuleException("sar.diagnosis-required", "Enter the CCS diagnosis (ICD-10).");
        if (expedited && string.IsNullOrWhiteSpace(expeditedReason))
            throw new DomainRuleException("sar.expedited-reason-required", "Say why the request needs an expedited review.");
        if (formType == SarFormType.EstablishedClient && !childHasOpenCase)
            throw new DomainRuleException("sar.established-client-needs-open-case",
                "The child has no open CCS case, so the established-client form (DHCS 4509) does not apply. Submit a new referral SAR (DHCS 4488); it waits for the eligibility decision.");
        if (extends is not null) CheckExtension(extends, childId, formType);
        var sar = new Sar
        {
            Number = number,
            ExtendsNumber = extends?.Number,
            ChildId = childId,
            County = number.County,
            RequestingProviderId = requestingProviderId,
            FacilityId = facilityId,
            FormType = formType,
            DiagnosisCode = diagnosisCode.Trim().ToUpperInvariant(),
            Expedited = expedited,
            ExpeditedReason = expedited ? expeditedReason!.Trim() : null,
            Flags = flags,
            ReceivedAt = Utc.Require(receivedAtUtc),
            AwaitingEligibility = !childHasOpenCase,
            Status = SarStatus.Draft,
        };
        foreach (var line in lines) sar._lines.Add(new SarLine(sar._lines.Count + 1, line));
        if (sar._lines.Count == 0) throw new DomainRuleException("sar.lines-required", "Request at least one service.");
        sar.Created(receivedAtUtc);
        sar.MoveTo(SarStatus.Submitted, actorId, null, receivedAtUtc);
        return sar;
    }

    // An extension continues an authorisation the child already has (DHCS 4509, "extension of an existing SAR").
    private static void CheckExtension(Sar original, Guid childId, SarFormType formType)
    {
        if (formType != SarFormType.EstablishedClient)
            throw new DomainRuleException("sar.extension-established-client-only",
                "Only the established-client form (DHCS 4509) extends an existing SAR; submit a new referral or discharge-planning request without one.");
        if (original.ChildId != childId)
            throw new DomainRuleException("sar.extension-other-child", $"SAR {original.Number} is for another child, so this request cannot extend it.");
        if (original.Status is not (SarStatus.Approved or SarStatus.Modified))
            throw new DomainRuleException("sar.extension-needs-approval",
                $"SAR {original.Number} is {Describe(original.Status)}; only an approved SAR can be extended. Submit a new request instead.");
    }

    /// <summary>The child's case is open: the SAR no longer waits for eligibility.</summary>
    public void ConfirmEligibility(DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (!AwaitingEligibility) return;
        AwaitingEligibility = false;
        Touch(utcNow);
    }

    /// <summary>Starts the county review; on a pended SAR the review clock restarts now, as if the information arrived now.</summary>
    public void BeginReview(string actorId, DateTime utcNow) => MoveTo(SarStatus.InReview, actorId, null, utcNow);

    /// <summary>Stops the review clock until the information arrives (see <see cref="ResumeReview"/>).</summary>
    public void PendForInformation(string actorId, string whatIsNeeded, DateTime utcNow) =>
        MoveTo(SarStatus.PendedForInformation, actorId, Required(whatIsNeeded, "sar.pend-reason-required", "Say what information is needed."), utcNow);

    /// <summary>
    /// The information asked for arrived at <paramref name="informationReceivedAtUtc"/>: review resumes where
    /// it was pended (county or ISCD) and the clock restarts, in full, from then. Project convention: a pended
    /// request is incomplete and counts as received when completed (42 CFR 438.210(d)(1) would instead let a
    /// plan extend by up to 14 days); the waits stay visible in <see cref="PendedIntervals"/>.
    /// </summary>
    public void ResumeReview(string actorId, DateTime informationReceivedAtUtc, DateTime utcNow)
    {
        Utc.Require(informationReceivedAtUtc);
        Utc.Require(utcNow);
        if (Status != SarStatus.PendedForInformation)
            throw new DomainRuleException("sar.not-pended", $"Only a SAR pended for information can resume; this one is {Describe(Status)}.");
        var pended = LastStep;
        if (informationReceivedAtUtc < pended.At)
            throw new DomainRuleException("sar.information-before-pend", $"The information cannot have arrived before the SAR was pended at {pended.At:yyyy-MM-dd HH:mm} UTC.");
        if (informationReceivedAtUtc > utcNow)
            throw new DomainRuleException("sar.information-in-future", "The information cannot arrive later than now; record when it was received.");
        MoveTo(pended.From, actorId, null, utcNow, informationReceivedAtUtc);
    }

    /// <summary>Approves every line as requested, to the requesting provider, as the type the lines imply; grants no SCG.</summary>
    public void Approve(string actorId, DateTime utcNow) =>
        Approve(actorId, SarDecision.AsRequested(this, SarDecision.ImpliedType(this)), ReviewRules.WithoutCodeTable, utcNow);

    /// <summary>
    /// Approves with details. A decision that differs from the request (lines, units, dates, provider)
    /// makes the SAR Modified and needs a reason (DOMAIN.md §8); <paramref name="rules"/> refuses the rest.
    /// </summary>
    public void Approve(string actorId, SarDecision decision, ReviewRules rules, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        ArgumentNullException.ThrowIfNull(rules);
        var to = rules.DifferencesFrom(this, decision).Count == 0 ? SarStatus.Approved : SarStatus.Modified;
        EnsureCanMoveTo(to);
        var lines = rules.Check(this, decision);
        var reason = string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim();
        MoveTo(to, actorId, reason, utcNow);
        foreach (var given in lines) _lines.Single(l => l.LineNumber == given.LineNumber).Decide(given);
        Type = decision.Type;
        AuthorizedProviderId = decision.AuthorizedProviderId;
        AuthorizedNicuLevel = decision.Type == SarType.Nicu ? decision.Nicu?.Level : null;
        (ScgCode, ScgFrom, ScgTo) = (decision.Scg?.Code, decision.Scg?.From, decision.Scg?.To);
        DecisionReason = reason;
        DecidedAt = utcNow;
    }

    public void Deny(string actorId, string reason, DateTime utcNow)
    {
        MoveTo(SarStatus.Denied, actorId, Required(reason, "sar.deny-reason-required", "A denial needs a reason the family can read."), utcNow);
        DecisionReason = reason.Trim();
        DecidedAt = utcNow;
    }

    public void Cancel(string actorId, string reason, DateTime utcNow) =>
        MoveTo(SarStatus.Cancelled, actorId, Required(reason, "sar.cancel-reason-required", "Say why the request is cancelled."), utcNow);

    /// <summary>Not a CCS request: records where it must go instead (see <see cref="MediCalRxRedirect"/>).</summary>
    public void Redirect(string actorId, string explanation, DateTime utcNow) =>
        MoveTo(SarStatus.Redirected, actorId, Required(explanation, "sar.redirect-explanation-required", "Explain where the request must be sent instead."), utcNow);

    /// <summary>The county forwards the SAR to an ISCD queue; reference/004 returns requests without the SAR cover sheet.</summary>
    public void ForwardToIscd(IscdQueue queue, string coverSheetId, string actorId, DateTime utcNow, string? categoryId = null)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        EnsureCanMoveTo(SarStatus.ForwardedToIscd);
        var sheet = Required(coverSheetId, "sar.iscd-cover-sheet-required",
            "Generate the SAR cover sheet before forwarding to ISCD: requests sent without it are returned to the county.");
        MoveTo(SarStatus.ForwardedToIscd, actorId, $"{IscdRoutingTable.Describe(queue)}, cover sheet {sheet}", utcNow);
        (IscdQueue, IscdCoverSheetId, IscdCategoryId) = (queue, sheet, string.IsNullOrWhiteSpace(categoryId) ? null : categoryId.Trim());
    }

    /// <summary>ISCD sends the SAR back to the county for correction (routed wrongly, no cover sheet), saying why.</summary>
    public void ReturnToCounty(string actorId, string reason, DateTime utcNow) =>
        MoveTo(SarStatus.Returned, actorId, Required(reason, "sar.iscd-return-reason-required", "Say why the SAR goes back to the county, so the county can correct it."), utcNow);

    public bool IsDecided => Status is SarStatus.Approved or SarStatus.Modified or SarStatus.Denied;

    /// <summary>Still waiting for a decision, wherever it is.</summary>
    public bool IsPending => Status is SarStatus.Submitted or SarStatus.InReview or SarStatus.PendedForInformation or SarStatus.ForwardedToIscd or SarStatus.Returned;

    /// <summary>The reason recorded with the current status: what is needed, why returned, where redirected, why decided.</summary>
    public string? StatusReason => _history.Count == 0 ? null : LastStep.Reason;

    /// <summary>Receipt, or when the review last resumed: when the information arrived, or when review resumed without it.</summary>
    public DateTime ClockStartedAt => PendedIntervals().LastOrDefault(p => p.EndedAt is not null && p.InformationReceivedAt is not null) is { } last
        ? last.InformationReceivedAt!.Value
        : ReceivedAt;

    /// <summary>Every wait for information, oldest first.</summary>
    public IReadOnlyList<PendedInterval> PendedIntervals() => PendedInterval.From(History);

    /// <summary>The review clock: running while the SAR waits for review, stopped while pended and once it is settled.</summary>
    public ReviewClock Clock(ReviewTimeLimitTable limits, BusinessCalendar calendar)
    {
        var clock = ReviewClock.Start(ClockStartedAt, Expedited, limits, calendar);
        return Status == SarStatus.PendedForInformation || !IsPending ? clock.StoppedOn(LastStep.At) : clock;
    }

    private void EnsureCanMoveTo(SarStatus to)
    {
        if (!SarTransitions.IsAllowed(Status, to))
            throw new DomainRuleException("sar.transition-not-allowed", $"A SAR that is {Describe(Status)} cannot become {Describe(to)}.");
    }

    private void MoveTo(SarStatus to, string actorId, string? reason, DateTime utcNow, DateTime? informationReceivedAt = null)
    {
        if (string.IsNullOrWhiteSpace(actorId)) throw new ArgumentException("Every transition names who made it.", nameof(actorId));
        EnsureCanMoveTo(to);
        _history.Add(new SarTransition(Status, to, Utc.Require(utcNow), actorId, reason, informationReceivedAt) { Step = _history.Count + 1 });
        Status = to;
        Touch(utcNow);
    }

    private static string Required(string value, string rule, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleException(rule, message) : value.Trim();

    public static string Describe(SarStatus status) => status switch
    {
        SarStatus.InReview => "in review",
        SarStatus.PendedForInformation => "pended for information",
        SarStatus.ForwardedToIscd => "forwarded to ISCD",
        _ => status.ToString().ToLowerInvariant(),
    };
}
