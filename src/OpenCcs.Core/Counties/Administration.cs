namespace OpenCcs.Core.Counties;

/// <summary>Who makes the final CCS medical eligibility determination for a county (DOMAIN.md §3).</summary>
public enum Administration
{
    /// <summary>The county runs all of CCS itself, including medical eligibility.</summary>
    Independent,

    /// <summary>The county decides residential and financial eligibility; the state (ISCD) decides medical eligibility and case-manages.</summary>
    Dependent,
}
