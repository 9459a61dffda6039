using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// A Service Authorization Request (DOMAIN.md §5). Its status changes only through the methods below,
/// each checking the transition against <see cref="AllowedTransitions"/> and recording it.
/// </summary>
public sealed class Sar : AggregateRoot
{
    private static readonly Dictionary<SarStatus, SarStatus[]> AllowedTransitions = new()
    {
        [SarStatus.Draft] = [SarStatus.Submitted, SarStatus.Cancelled],
        [SarStatus.Submitted] = [SarStatus.InReview, SarStatus.Redirected, SarStatus.Cancelled],
        [SarStatus.InReview] = [SarStatus.Approved, SarStatus.Modified, SarStatus.Denied, SarStatus.PendedForInformation, SarStatus.Returned, SarStatus.Cancelled],
        [SarStatus.PendedForInformation] = [SarStatus.InReview, SarStatus.Cancelled],
        [SarStatus.Returned] = [SarStatus.InReview, SarStatus.Cancelled],
        [SarStatus.Approved] = [],
        [SarStatus.Modified] = [],
        [SarStatus.Denied] = [],
        [SarStatus.Cancelled] = [],
        [SarStatus.Redirected] = [],
    };

    private readonly List<SarLine> _lines = [];
    private readonly List<SarTransition> _history = [];

    private Sar() { }

    public SarNumber Number { get; private set; }

    public Guid ChildId { get; private set; }

    public CountyCode County { get; private set; }

    public Guid RequestingProviderId { get; private set; }

    public Guid? FacilityId { get; private set; }

    public SarFormType FormType { get; private set; }

    /// <summary>The CCS diagnosis, ICD-10-CM.</summary>
    public string DiagnosisCode { get; private set; } = "";

    public bool Expedited { get; private set; }

    public string? ExpeditedReason { get; private set; }

    /// <summary>When the county received the request; every review clock starts here.</summary>
    public DateTime ReceivedAt { get; private set; }

    public SarStatus Status { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public IReadOnlyList<SarLine> Lines => _lines;

    public IReadOnlyList<SarTransition> History => _history;

    public static Sar Submit(
        SarNumber number, Guid childId, Guid requestingProviderId, Guid? facilityId, SarFormType formType, string diagnosisCode,
        bool expedited, string? expeditedReason, IEnumerable<SarLineRequest> lines, string actorId, DateTime receivedAtUtc)
    {
        if (number.IsEmpty) throw new DomainRuleException("sar.number-required", "A SAR needs a number.");
        if (string.IsNullOrWhiteSpace(diagnosisCode)) throw new DomainRuleException("sar.diagnosis-required", "Enter the CCS diagnosis (ICD-10).");
        if (expedited && string.IsNullOrWhiteSpace(expeditedReason))
            throw new DomainRuleException("sar.expedited-reason-required", "Say why the request needs an expedited review.");
        var sar = new Sar
        {
            Number = number,
            ChildId = childId,
            County = number.County,
            RequestingProviderId = requestingProviderId,
            FacilityId = facilityId,
            FormType = formType,
            DiagnosisCode = diagnosisCode.Trim().ToUpperInvariant(),
            Expedited = expedited,
            ExpeditedReason = expedited ? expeditedReason!.Trim() : null,
            ReceivedAt = Utc.Require(receivedAtUtc),
            Status = SarStatus.Draft,
        };
        foreach (var line in lines)
            sar._lines.Add(new SarLine(sar._lines.Count + 1, line.CodeSystem, line.Code, line.Description, line.From, line.To, line.Units, line.Frequency));
        if (sar._lines.Count == 0) throw new DomainRuleException("sar.lines-required", "Request at least one service.");
        sar.Created(receivedAtUtc);
        sar.MoveTo(SarStatus.Submitted, actorId, null, receivedAtUtc);
        return sar;
    }

    public void BeginReview(string actorId, DateTime utcNow) => MoveTo(SarStatus.InReview, actorId, null, utcNow);

    public void PendForInformation(string actorId, string whatIsNeeded, DateTime utcNow) =>
        MoveTo(SarStatus.PendedForInformation, actorId, Required(whatIsNeeded, "sar.pend-reason-required", "Say what information is needed."), utcNow);

    /// <summary>Approves every line as requested.</summary>
    public void Approve(string actorId, DateTime utcNow)
    {
        MoveTo(SarStatus.Approved, actorId, null, utcNow);
        foreach (var line in _lines) line.Authorize(line.RequestedUnits);
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

    public bool IsDecided => Status is SarStatus.Approved or SarStatus.Modified or SarStatus.Denied;

    private void MoveTo(SarStatus to, string actorId, string? reason, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(actorId)) throw new ArgumentException("Every transition names who made it.", nameof(actorId));
        if (!AllowedTransitions[Status].Contains(to))
            throw new DomainRuleException("sar.transition-not-allowed", $"A SAR that is {Describe(Status)} cannot become {Describe(to)}.");
        _history.Add(new SarTransition(Status, to, Utc.Require(utcNow), actorId, reason));
        Status = to;
        Touch(utcNow);
    }

    private static string Required(string value, string rule, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleException(rule, message) : value.Trim();

    public static string Describe(SarStatus status) => status switch
    {
        SarStatus.InReview => "in review",
        SarStatus.PendedForInformation => "pended for information",
        _ => status.ToString().ToLowerInvariant(),
    };
}

public sealed record SarLineRequest(ServiceCodeSystem CodeSystem, string? Code, string Description, DateOnly From, DateOnly To, int Units, string? Frequency = null);
