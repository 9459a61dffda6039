namespace OpenCcs.Core.Authorizations;

/// <summary>
/// The Service Code Groupings and their exclusions (scg.json), checked once when built. Used by SAR
/// review to grant an SCG and by the claim check to decide whether a code is inside a granted one.
/// </summary>
public sealed class ServiceCodeGroupTable
{
    private readonly ServiceCodeGroup[] _groups;

    public ServiceCodeGroupTable(IEnumerable<ServiceCodeGroup> groups, ScgExclusionRules exclusions, string version)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(exclusions);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _groups = groups.OrderBy(g => g.Code, StringComparer.Ordinal).ThenBy(g => g.EffectiveFrom).ToArray();
        foreach (var same in _groups.GroupBy(g => g.Code))
        {
            var periods = same.ToArray();
            for (var i = 1; i < periods.Length; i++)
            {
                if (periods[i - 1].EffectiveTo is not { } end || end > periods[i].EffectiveFrom)
                    throw new ArgumentException($"SCG {same.Key} has overlapping periods starting {periods[i - 1].EffectiveFrom:yyyy-MM-dd} and {periods[i].EffectiveFrom:yyyy-MM-dd}.", nameof(groups));
            }
        }
        Exclusions = exclusions;
        Version = version;
    }

    public string Version { get; }

    public IReadOnlyList<ServiceCodeGroup> Groups => _groups;

    public ScgExclusionRules Exclusions { get; }

    /// <summary>The grouping with this code in force on the date, or null.</summary>
    public ServiceCodeGroup? Find(string scg, DateOnly on) =>
        Array.Find(_groups, g => g.Code == scg.Trim() && g.IsInForceOn(on));

    /// <summary>
    /// Whether SCG <paramref name="scg"/> covers <paramref name="code"/> on <paramref name="on"/>: the
    /// grouping is in force, holds the code, and the code is not one of the exclusions.
    /// </summary>
    public bool Covers(string scg, ServiceCode code, DateOnly on, bool brandName = false)
    {
        if (Find(scg, on) is not { } group || ExclusionFor(code, brandName) is not null) return false;
        return code.System == ServiceCodeSystem.Ndc ? group.IncludesDrugs : group.Includes.Any(r => r.Contains(code));
    }

    /// <summary>
    /// Why <paramref name="code"/> is outside every SCG, or null when it is not excluded. A brand-name
    /// drug is only known from the request (or the claim's dispense-as-written), so the caller says so.
    /// </summary>
    public ScgExclusion? ExclusionFor(ServiceCode code, bool brandName = false)
    {
        if (Exclusions.RestrictedDrugs.FirstOrDefault(d => d.Codes.Contains(code)) is { } drug)
            return new(ScgExclusionKind.RestrictedDrug,
                $"{code} ({drug.Name}) is a drug CCS authorises only specifically, so no SCG covers it. Request it as its own SAR line.",
                Exclusions.RestrictedDrugsSource);
        if (ProductItemFor(code) is { } item)
            return new(ScgExclusionKind.ProductSpecificItem,
                $"{code} is {Describe(item)}, which needs a product-specific SAR by NDC or supply code, not an SCG.",
                Exclusions.ProductSpecificSource);
        if (brandName)
            return new(ScgExclusionKind.BrandNameDrug,
                $"{code} is a brand-name drug, which no SCG covers. It needs its own SAR line with the prescriber's reason the generic will not do.",
                Exclusions.BrandNameSource);
        if (Exclusions.SurgicalRanges.Any(r => r.Contains(code)) && !Exclusions.SurgeryAllowedInScg.Any(r => r.Contains(code)))
            return new(ScgExclusionKind.SurgicalProcedure,
                $"{code} is a surgical procedure. Most surgery is outside every SCG and needs its own SAR line.",
                Exclusions.SurgerySource);
        return null;
    }

    /// <summary>The product-specific item a supply code stands for, or null.</summary>
    public ProductSpecificItem? ProductItemFor(ServiceCode code) =>
        Exclusions.ProductSpecific.FirstOrDefault(p => p.Codes.Contains(code))?.Item;

    public static string Describe(ProductSpecificItem item) => item switch
    {
        ProductSpecificItem.InsulinSyringes => "insulin syringes",
        ProductSpecificItem.DiabeticTestStrips => "diabetic test strips",
        _ => "lancets",
    };
}
