using OpenCcs.Core.Common;

namespace OpenCcs.Core.Providers;

/// <summary>An inclusive date range; an open end means "until further notice".</summary>
public sealed record PanelPeriod
{
    public PanelPeriod(DateOnly from, DateOnly? to)
    {
        if (to is { } end && end < from)
            throw new DomainRuleException("period.ends-before-start", $"A period cannot end ({end:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        From = from;
        To = to;
    }

    public DateOnly From { get; private init; }

    public DateOnly? To { get; private init; }

    public bool Contains(DateOnly date) => date >= From && (To is null || date <= To);

    public bool Overlaps(PanelPeriod other) =>
        (To is null || other.From <= To) && (other.To is null || From <= other.To);

    public PanelPeriod EndingOn(DateOnly lastDay) => new(From, lastDay);

    public override string ToString() => To is null ? $"{From:yyyy-MM-dd} onward" : $"{From:yyyy-MM-dd} to {To:yyyy-MM-dd}";
}

/// <summary>A CCS approval of a facility (hospital, NICU with its level, Special Care Center) for a period.</summary>
public sealed record FacilityApproval(FacilityApprovalKind Kind, NicuLevel? Level, DateOnly From, DateOnly? To)
{
    public PanelPeriod Period => new(From, To);
}
