namespace OpenCcs.Core.Authorizations;

/// <summary>
/// Facts about a request that its codes cannot show, ticked on the SAR or by the county. They decide
/// who reviews it under the Whole Child Model (NICU, HRIF) and which ISCD queue it belongs to (reference/004).
/// </summary>
[Flags]
public enum SarRequestFlags
{
    None = 0,
    Nicu = 1 << 0,
    HighRiskInfantFollowUp = 1 << 1,
    OutOfState = 1 << 2,
    AnnualMedicalReview = 1 << 3,
    InterCountyTransfer = 1 << 4,
    MedicalEligibilityDetermination = 1 << 5,
    OffLabelOrInvestigational = 1 << 6,
    Reconsideration = 1 << 7,
    SecondOpinion = 1 << 8,
}
