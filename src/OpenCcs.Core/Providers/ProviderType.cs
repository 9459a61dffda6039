namespace OpenCcs.Core.Providers;

public enum ProviderType
{
    Physician,
    Hospital,
    SpecialCareCenter,
    Therapist,
    Pharmacy,
    Laboratory,
    Audiologist,
    NursePractitioner,
}

/// <summary>CCS NICU approval levels, lowest to highest (DOMAIN.md §5).</summary>
public enum NicuLevel
{
    Community = 1,
    Intermediate = 2,
    Regional = 3,
}

public enum FacilityApprovalKind
{
    Hospital,
    Nicu,
    SpecialCareCenter,
    HighRiskInfantFollowUp,
}
