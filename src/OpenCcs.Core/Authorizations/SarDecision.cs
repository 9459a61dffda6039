using OpenCcs.Core.Providers;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// A reviewer's approval with its details (issue 3): what kind of SAR it is, who is authorised, what
/// each line gets, an optional SCG grant and, for a NICU, the level authorised. Lines left out are not
/// authorised. A decision that differs from the request is a modification and needs <see cref="Reason"/>.
/// </summary>
public sealed record SarDecision(SarType Type, Guid AuthorizedProviderId, IReadOnlyList<LineDecision> Lines)
{
    public ScgGrant? Scg { get; init; }

    public NicuAuthorization? Nicu { get; init; }

    /// <summary>Why the decision differs from the request, in words the family can read (it goes on the Notice of Action).</summary>
    public string? Reason { get; init; }

    /// <summary>Every line as requested, to the requesting provider.</summary>
    public static SarDecision AsRequested(Sar sar, SarType type)
    {
        ArgumentNullException.ThrowIfNull(sar);
        return new(type, sar.RequestingProviderId, sar.Lines.Select(LineDecision.AsRequested).ToArray());
    }

    /// <summary>
    /// The type an approval without details implies: inpatient days only is a hospital SAR, products
    /// only a product-specific one, anything else a physician SAR.
    /// </summary>
    public static SarType ImpliedType(Sar sar)
    {
        ArgumentNullException.ThrowIfNull(sar);
        if (sar.Lines.All(l => l.CodeSystem == ServiceCodeSystem.InpatientDays))
            return sar.Flags.HasFlag(SarRequestFlags.Nicu) ? SarType.Nicu : SarType.HospitalInpatientDays;
        return sar.Lines.All(l => l.Product is not null) ? SarType.ProductSpecific : SarType.Physician;
    }
}

/// <summary>What the decision gives one requested line.</summary>
public sealed record LineDecision
{
    private LineDecision(int lineNumber, LineDisposition disposition, int? units, DateOnly? from, DateOnly? to)
    {
        LineNumber = lineNumber;
        Disposition = disposition;
        Units = units;
        From = from;
        To = to;
    }

    public int LineNumber { get; }

    public LineDisposition Disposition { get; }

    /// <summary>Units authorised; only for <see cref="LineDisposition.Authorized"/>.</summary>
    public int? Units { get; }

    /// <summary>Dates authorised; null keeps the requested dates.</summary>
    public DateOnly? From { get; }

    public DateOnly? To { get; }

    public static LineDecision Authorize(int lineNumber, int units, DateOnly from, DateOnly to) =>
        new(lineNumber, LineDisposition.Authorized, units, from, to);

    public static LineDecision AsRequested(SarLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.LineNumber, LineDisposition.Authorized, line.RequestedUnits, line.From, line.To);
    }

    /// <summary>Not authorised as its own line because the SCG granted on the SAR covers its code.</summary>
    public static LineDecision UnderScg(int lineNumber) => new(lineNumber, LineDisposition.CoveredByScg, null, null, null);

    public static LineDecision NotAuthorized(int lineNumber) => new(lineNumber, LineDisposition.NotAuthorized, null, null, null);
}

/// <summary>
/// The NICU level authorised and the level the facility is CCS-approved for on every service date
/// (null when it is not approved throughout). Authorisation is only up to the approved level (reference/003).
/// </summary>
public sealed record NicuAuthorization(NicuLevel Level, NicuLevel? FacilityApprovedLevel)
{
    /// <summary>The lowest NICU level <paramref name="facility"/> is approved for on every day from <paramref name="from"/> to <paramref name="to"/>; null if any day has none.</summary>
    public static NicuLevel? ApprovedThroughout(Provider facility, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(facility);
        NicuLevel? lowest = null;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (facility.NicuLevelOn(day) is not { } level) return null;
            if (lowest is null || level < lowest) lowest = level;
        }
        return lowest;
    }
}
