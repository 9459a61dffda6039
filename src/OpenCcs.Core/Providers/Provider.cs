using OpenCcs.Core.Common;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Providers;

/// <summary>
/// An individual provider or a facility, identified by NPI. Individuals must be CCS-paneled and
/// facilities CCS-approved on the date of a service (DOMAIN.md §6).
/// </summary>
public sealed class Provider : AggregateRoot
{
    private readonly List<PanelPeriod> _panelPeriods = [];
    private readonly List<FacilityApproval> _approvals = [];

    private Provider() { }

    public Npi Npi { get; private set; }

    public string Name { get; private set; } = "";

    public ProviderType Type { get; private set; }

    public Guid OrganizationId { get; private set; }

    public IReadOnlyList<PanelPeriod> PanelPeriods => _panelPeriods.OrderBy(p => p.From).ToList();

    public IReadOnlyList<FacilityApproval> Approvals => _approvals;

    public bool IsFacility => Type is ProviderType.Hospital or ProviderType.SpecialCareCenter;

    public static Provider Enroll(Npi npi, string name, ProviderType type, Guid organizationId, DateTime utcNow)
    {
        if (npi.IsEmpty) throw new DomainRuleException("provider.npi-required", "A provider needs an NPI (an active Medi-Cal enrollment).");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("provider.name-required", "A provider needs a name.");
        var provider = new Provider { Npi = npi, Name = name.Trim(), Type = type, OrganizationId = organizationId };
        provider.Created(utcNow);
        return provider;
    }

    public void Panel(DateOnly from, DateOnly? to, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (IsFacility)
            throw new DomainRuleException("provider.facility-not-paneled", "Facilities are CCS-approved, not paneled; record a facility approval instead.");
        var period = new PanelPeriod(from, to);
        if (_panelPeriods.Any(p => p.Overlaps(period)))
            throw new DomainRuleException("provider.panel-overlap", $"The provider is already paneled during {period}.");
        _panelPeriods.Add(period);
        Touch(utcNow);
    }

    public void EndPanel(DateOnly lastDay, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        var open = _panelPeriods.SingleOrDefault(p => p.To is null)
            ?? throw new DomainRuleException("provider.not-paneled", "The provider has no open panel period to end.");
        // Build the ended period first: a last day before the start is refused without losing the open period.
        var ended = open.EndingOn(lastDay);
        _panelPeriods.Remove(open);
        _panelPeriods.Add(ended);
        Touch(utcNow);
    }

    public void Approve(FacilityApprovalKind kind, NicuLevel? level, DateOnly from, DateOnly? to, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (!IsFacility)
            throw new DomainRuleException("provider.approval-needs-facility", "Only hospitals and Special Care Centers receive facility approvals.");
        if (kind == FacilityApprovalKind.Nicu && level is null)
            throw new DomainRuleException("provider.nicu-level-required", "A NICU approval states its level: community, intermediate or regional.");
        if (kind != FacilityApprovalKind.Nicu && level is not null)
            throw new DomainRuleException("provider.level-only-for-nicu", "Only NICU approvals carry a level.");
        var period = new PanelPeriod(from, to);
        var approval = new FacilityApproval(kind, level, period.From, period.To);
        if (_approvals.Any(a => a.Kind == kind && a.Period.Overlaps(approval.Period)))
            throw new DomainRuleException("provider.approval-overlap", $"The facility already holds a {kind} approval during {approval.Period}.");
        _approvals.Add(approval);
        Touch(utcNow);
    }

    /// <summary>Paneled (individuals) or holding any approval (facilities) on the date.</summary>
    public bool IsAuthorizedOn(DateOnly date) =>
        IsFacility ? _approvals.Any(a => a.Period.Contains(date)) : _panelPeriods.Any(p => p.Contains(date));

    public NicuLevel? NicuLevelOn(DateOnly date) =>
        _approvals.Where(a => a.Kind == FacilityApprovalKind.Nicu && a.Period.Contains(date)).Select(a => a.Level).Max();
}
