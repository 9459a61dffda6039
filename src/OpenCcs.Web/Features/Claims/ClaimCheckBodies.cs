using OpenCcs.Core.Claims;

namespace OpenCcs.Web.Features.Claims;

/// <summary>The JSON body of <c>POST /api/v1/claims/check</c>: one claim as it would be sent (CMS-1500, UB-04 or pharmacy).</summary>
/// <param name="Form">Professional (the default), Institutional or Pharmacy.</param>
/// <param name="MemberId">The child's 9-character CIN or 14-character BIC ID (CMS-1500 box 1a).</param>
/// <param name="PriorAuthorization">The SAR number (CMS-1500 box 23).</param>
/// <param name="ReferringNpi">The referring provider (box 17b): the SAR's authorised provider when sharing its SAR.</param>
public sealed record ClaimCheckRequest(
    ClaimForm? Form = null, string? Reference = null, string? MemberId = null, string? BillingNpi = null, string? RenderingNpi = null,
    string? ReferringNpi = null, string? PriorAuthorization = null, string? Bin = null, bool Emergency = false, bool Trauma = false,
    IReadOnlyList<ClaimLineRequest>? Lines = null)
{
    public ClaimToCheck ToClaim() => new()
    {
        Form = Form ?? ClaimForm.Professional,
        Reference = Reference,
        MemberId = MemberId,
        BillingNpi = BillingNpi,
        RenderingNpi = RenderingNpi,
        ReferringNpi = ReferringNpi,
        PriorAuthorization = PriorAuthorization,
        Bin = Bin,
        Emergency = Emergency,
        Trauma = Trauma,
        Lines = (Lines ?? []).Select((l, i) => l.ToLine(i + 1)).ToList(),
    };
}

/// <summary>One service line; <see cref="LineNumber"/> defaults to its position (1, 2, …).</summary>
/// <param name="From">Date of service, year-month-day.</param>
/// <param name="To">Last date of a range; leave out for a single date.</param>
/// <param name="Units">Units, days or quantity; 1 when left out.</param>
/// <param name="BrandName">Dispensed as written (a brand-name drug).</param>
public sealed record ClaimLineRequest(
    int? LineNumber = null, DateOnly? From = null, DateOnly? To = null, string? ProcedureCode = null, string? RevenueCode = null, string? Ndc = null,
    IReadOnlyList<string>? Modifiers = null, decimal? Units = null, string? PlaceOfService = null, bool Emergency = false, bool BrandName = false,
    string? PriorAuthorization = null, string? RenderingNpi = null, string? ReferringNpi = null)
{
    public ClaimLineToCheck ToLine(int position) => new()
    {
        LineNumber = LineNumber ?? position,
        From = From,
        To = To,
        ProcedureCode = ProcedureCode,
        RevenueCode = RevenueCode,
        Ndc = Ndc,
        Modifiers = (Modifiers ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim().ToUpperInvariant()).ToList(),
        Units = Units ?? 1,
        PlaceOfService = PlaceOfService,
        Emergency = Emergency,
        BrandName = BrandName,
        PriorAuthorization = PriorAuthorization,
        RenderingNpi = RenderingNpi,
        ReferringNpi = ReferringNpi,
    };
}

/// <summary>The answer for one claim: every line, each paying or denying with every failed rule.</summary>
/// <param name="SegmentNumber">The CLM segment's position in an 837 file.</param>
/// <param name="Problems">Parts of an 837 claim the reader could not use (a malformed HI), with their segment numbers.</param>
public sealed record ClaimCheckAnswer(string? Reference, int? SegmentNumber, bool Pays, IReadOnlyList<LineCheckAnswer> Lines, IReadOnlyList<string> Problems)
{
    public static ClaimCheckAnswer From(ClaimCheckResult result, int? segmentNumber = null, IReadOnlyList<string>? problems = null) =>
        new(result.Reference, segmentNumber, result.Pays, result.Lines.Select(LineCheckAnswer.From).ToList(), problems ?? []);
}

/// <param name="SegmentNumber">The LX segment's position in an 837 file.</param>
public sealed record LineCheckAnswer(int LineNumber, int? SegmentNumber, bool Pays, IReadOnlyList<FindingAnswer> Findings)
{
    public static LineCheckAnswer From(LineCheckResult line) =>
        new(line.LineNumber, line.SegmentNumber, line.Pays, line.Findings.Select(FindingAnswer.From).ToList());
}

/// <summary>One failed rule: its stable id, the X12 code a remittance would carry, what is wrong and what to correct.</summary>
public sealed record FindingAnswer(string RuleId, X12CodeAnswer? Code, string Message, string Fix)
{
    public static FindingAnswer From(ClaimFinding finding) =>
        new(finding.RuleId, finding.Code is { } code ? new X12CodeAnswer(code.Kind, code.Code) : null, finding.Message, finding.Fix);
}

/// <param name="Kind">CARC or RARC.</param>
public sealed record X12CodeAnswer(string Kind, string Value);

/// <summary>The answer for an 837 file: every claim in file order, and the envelope warnings met while reading.</summary>
public sealed record FileCheckAnswer(int ClaimCount, int LineCount, int LinesDenied, IReadOnlyList<ClaimCheckAnswer> Claims, IReadOnlyList<string> Warnings);
