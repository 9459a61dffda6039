namespace OpenCcs.Core.Counties;

/// <summary>Who authorizes and pays for a CCS child's care in a county (DOMAIN.md §3).</summary>
public enum CareModel
{
    /// <summary>The county (or the state for dependent counties) authorizes; the fiscal intermediary pays.</summary>
    Classic,

    /// <summary>The county's Medi-Cal plan authorizes, handles appeals and grievances, and pays claims (SB 586).</summary>
    WholeChildModel,
}
