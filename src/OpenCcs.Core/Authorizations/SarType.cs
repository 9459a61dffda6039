namespace OpenCcs.Core.Authorizations;

/// <summary>What an approved SAR authorises, which decides how claims may use it (DOMAIN.md §5, §9).</summary>
public enum SarType
{
    /// <summary>A physician's services; lab, x-ray and anesthesiology may share it.</summary>
    Physician,

    /// <summary>A Special Care Center's services; sharing providers enter no referring provider.</summary>
    SpecialCareCenter,

    /// <summary>Hospital inpatient days only; physician services in the stay bill on a physician or SCC SAR.</summary>
    HospitalInpatientDays,

    /// <summary>A stay in a CCS-approved NICU, which also covers the NICU physicians but not a surgeon.</summary>
    Nicu,

    /// <summary>Named products by NDC or supply code: insulin syringes, diabetic test strips, lancets (reference/000).</summary>
    ProductSpecific,
}

/// <summary>What the decision did with one requested line.</summary>
public enum LineDisposition
{
    /// <summary>Authorised as its own line, with units and dates.</summary>
    Authorized,

    /// <summary>Not authorised separately because the SCG granted on the SAR covers the code.</summary>
    CoveredByScg,

    NotAuthorized,
}

/// <summary>Products that need a product-specific SAR by NDC or supply code (reference/000, DOMAIN.md §5).</summary>
public enum ProductSpecificItem
{
    InsulinSyringes,
    DiabeticTestStrips,
    Lancets,
}
