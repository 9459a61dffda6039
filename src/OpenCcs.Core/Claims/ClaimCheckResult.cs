namespace OpenCcs.Core.Claims;

/// <summary>The X12 code a failed rule maps to, where one fits (DOMAIN.md §9).</summary>
/// <param name="Kind">CARC (claim adjustment reason code) or RARC (remittance advice remark code).</param>
public sealed record X12Code(string Kind, string Code)
{
    public static readonly X12Code Carc15 = new("CARC", "15");
    public static readonly X12Code Carc197 = new("CARC", "197");
    public static readonly X12Code Carc198 = new("CARC", "198");
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
    public bool Pays => Lines.All(l => l.Pays);
}
