namespace OpenCcs.Core.Claims;

/// <summary>The X12 code a failed rule maps to, where one fits (DOMAIN.md §9).</summary>
/// <param name="Kind">CARC (claim adjustment reason code) or RARC (remittance advice remark code).</param>
public sealed record X12Code(string Kind, string Code)
{
    // Descriptions from the X12 Claim Adjustment Reason Code and Remittance Advice Remark Code lists.

    /// <summary>The authorization number is missing, invalid, or does not apply to the billed services or provider.</summary>
    public static readonly X12Code Carc15 = new("CARC", "15");

    /// <summary>Claim/service lacks information or has submission/billing error(s).</summary>
    public static readonly X12Code Carc16 = new("CARC", "16");

    /// <summary>Patient cannot be identified as our insured.</summary>
    public static readonly X12Code Carc31 = new("CARC", "31");

    /// <summary>Claim/service not covered by this payer/contractor: send it to the correct payer.</summary>
    public static readonly X12Code Carc109 = new("CARC", "109");

    /// <summary>The rendering provider is not eligible to perform the service billed.</summary>
    public static readonly X12Code Carc185 = new("CARC", "185");

    /// <summary>Precertification/authorization/notification/pre-treatment absent.</summary>
    public static readonly X12Code Carc197 = new("CARC", "197");

    /// <summary>Precertification/notification/authorization/pre-treatment exceeded.</summary>
    public static readonly X12Code Carc198 = new("CARC", "198");

    /// <summary>National Provider Identifier - Not matched.</summary>
    public static readonly X12Code Carc208 = new("CARC", "208");

    /// <summary>Claim information is inconsistent with pre-certified/authorized services.</summary>
    public static readonly X12Code RarcN54 = new("RARC", "N54");

    public override string ToString() => $"{Kind} {Code}";
}

/// <summary>One failed rule on one line: which rule, its code, what is wrong and what to correct.</summary>
/// <param name="RuleId">Stable id such as "claim.sar-missing" (see <see cref="ClaimRules"/>).</param>
public sealed record ClaimFinding(string RuleId, X12Code? Code, string Message, string Fix);

/// <summary>The answer for one line: it pays when no rule failed.</summary>
public sealed record LineCheckResult(int LineNumber, IReadOnlyList<ClaimFinding> Findings)
{
    public int? SegmentNumber { get; init; }

    public bool Pays => Findings.Count == 0;
}

/// <summary>The answer for a claim: every line, each with every failed rule.</summary>
public sealed record ClaimCheckResult(string? Reference, IReadOnlyList<LineCheckResult> Lines)
{
    /// <summary>Every line pays; a claim without lines pays nothing.</summary>
    public bool Pays
    {
        get
        {
            if (Lines.Count == 0) return false;
            for (var i = 0; i < Lines.Count; i++)
                if (!Lines[i].Pays) return false;
            return true;
        }
    }
}
