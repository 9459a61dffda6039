using OpenCcs.Core.Calendar;
using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Authorizations;

public enum ReviewerKind
{
    /// <summary>The county CCS office, which forwards to ISCD what the state must see (reference/004).</summary>
    County,

    /// <summary>The county's Medi-Cal managed care plan under the Whole Child Model.</summary>
    Plan,
}

/// <summary>Who reviews a SAR, the plan's name when a plan does, and why, in words for a worklist.</summary>
public sealed record SarReviewer(ReviewerKind Kind, string? PlanName, string Why);

/// <summary>Who reviews a SAR, decided by the county's CCS model on the date the request was received (DOMAIN.md §3).</summary>
public static class ReviewerRouting
{
    /// <param name="ccsOnly">The child is CCS-only or has other coverage, so is not the plan's member.</param>
    public static SarReviewer ReviewerFor(County county, Sar sar, bool ccsOnly)
    {
        ArgumentNullException.ThrowIfNull(county);
        ArgumentNullException.ThrowIfNull(sar);
        if (county.Code != sar.County)
            throw new ArgumentException($"SAR {sar.Number.Value} belongs to county {sar.County}, not {county}.", nameof(county));
        var receivedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(sar.ReceivedAt, BusinessCalendar.Pacific));
        var model = county.ModelOn(receivedOn);
        if (model.CareModel != CareModel.WholeChildModel)
            return new(ReviewerKind.County, null, $"{county.Name} County runs Classic CCS: the county CCS office reviews.");
        // DOMAIN.md §3: children who are CCS-only, or have other coverage, stay with the county.
        if (ccsOnly)
            return new(ReviewerKind.County, null, $"The child is CCS-only or has other coverage, so stays with the {county.Name} County CCS office.");
        // reference/003: the plan sends NICU and HRIF requests to the county CCS office to open a case in the state system.
        if ((sar.Flags & (SarRequestFlags.Nicu | SarRequestFlags.HighRiskInfantFollowUp)) != SarRequestFlags.None)
            return new(ReviewerKind.County, null, $"NICU and HRIF requests go to the {county.Name} County CCS office to open a case, even under the Whole Child Model.");
        return new(ReviewerKind.Plan, model.PlanName, $"{county.Name} County is a Whole Child Model county: {model.PlanName} reviews for its members.");
    }
}
