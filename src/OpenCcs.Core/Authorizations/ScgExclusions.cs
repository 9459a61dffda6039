namespace OpenCcs.Core.Authorizations;

public enum ScgExclusionKind
{
    /// <summary>A drug CCS authorises only specifically (reference/000: the list is on the Medi-Cal website).</summary>
    RestrictedDrug,

    /// <summary>A product that needs a product-specific SAR by NDC or supply code.</summary>
    ProductSpecificItem,

    /// <summary>A brand-name drug, which needs its own SAR with the reason the generic will not do.</summary>
    BrandNameDrug,

    /// <summary>A surgical procedure, which needs its own SAR line.</summary>
    SurgicalProcedure,
}

/// <summary>Why a code is outside every SCG, in words for the provider, and where the rule comes from.</summary>
public sealed record ScgExclusion(ScgExclusionKind Kind, string Reason, string Source);

/// <summary>A restricted drug by code, with the name people know it by.</summary>
public sealed record RestrictedDrug(CodeRange Codes, string Name);

/// <summary>A supply code range that is one of the product-specific items.</summary>
public sealed record ProductSpecificCodes(ProductSpecificItem Item, CodeRange Codes, string Source);

/// <summary>The SCG exclusion rules as data (scg.json), each with its source.</summary>
public sealed record ScgExclusionRules(
    IReadOnlyList<RestrictedDrug> RestrictedDrugs,
    string RestrictedDrugsSource,
    IReadOnlyList<CodeRange> SurgicalRanges,
    IReadOnlyList<CodeRange> SurgeryAllowedInScg,
    string SurgerySource,
    IReadOnlyList<ProductSpecificCodes> ProductSpecific,
    string ProductSpecificSource,
    string BrandNameSource);
