namespace OpenCcs.Core.Claims;

/// <summary>The kind of claim: which form it comes on and which rules apply.</summary>
public enum ClaimForm
{
    /// <summary>CMS-1500 / 837P.</summary>
    Professional,

    /// <summary>UB-04 / 837I.</summary>
    Institutional,

    /// <summary>A pharmacy claim (NCPDP): BIN, NDC, quantity.</summary>
    Pharmacy,
}

/// <summary>
/// A claim as a provider would send it, reduced to what the claim check needs (DOMAIN.md §9). The portal
/// form, the JSON API and the 837 reader all produce this; the values are kept as entered so every
/// problem can be reported, not refused on the way in.
/// </summary>
public sealed record ClaimToCheck
{
    public required ClaimForm Form { get; init; }

    /// <summary>How the provider knows the claim: patient control number (CLM01) or a label.</summary>
    public string? Reference { get; init; }

    /// <summary>The client's CIN or 14-character BIC ID, as entered (CMS-1500 1a; 837 NM1*IL/QC).</summary>
    public string? MemberId { get; init; }

    public string? BillingNpi { get; init; }

    /// <summary>Claim-level rendering provider (CMS-1500 24J when the same on all lines; 837 NM1*82).</summary>
    public string? RenderingNpi { get; init; }

    /// <summary>Referring provider (CMS-1500 17/17b; 837 NM1*DN).</summary>
    public string? ReferringNpi { get; init; }

    /// <summary>The SAR number (CMS-1500 field 23; 837 REF*G1; pharmacy prior authorization).</summary>
    public string? PriorAuthorization { get; init; }

    /// <summary>Pharmacy claims: the BIN the claim is sent to.</summary>
    public string? Bin { get; init; }

    /// <summary>
    /// The whole claim is emergency care (837I admission type 1, or the form's claim-wide box). An emergency on one
    /// line only (CMS-1500 24C, 837P SV1-09) is <see cref="ClaimLineToCheck.Emergency"/>.
    /// </summary>
    public bool Emergency { get; init; }

    /// <summary>Trauma care the panel rule excepts (DOMAIN.md §6).</summary>
    public bool Trauma { get; init; }

    public required IReadOnlyList<ClaimLineToCheck> Lines { get; init; }
}

/// <summary>One service line. Line-level providers and prior authorization override the claim's.</summary>
public sealed record ClaimLineToCheck
{
    public required int LineNumber { get; init; }

    /// <summary>Date of service, or the first date of a range.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last date of a range; null for a single date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>CPT or HCPCS code (837 SV1-01-2 / SV2-02-2).</summary>
    public string? ProcedureCode { get; init; }

    /// <summary>Institutional revenue code (837I SV2-01).</summary>
    public string? RevenueCode { get; init; }

    /// <summary>11-digit NDC (837 LIN*N4; pharmacy claims).</summary>
    public string? Ndc { get; init; }

    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>Units, days or quantity billed.</summary>
    public decimal Units { get; init; } = 1;

    public string? PlaceOfService { get; init; }

    /// <summary>This line is emergency care (CMS-1500 24C EMG, 837P SV1-09): it needs no SAR.</summary>
    public bool Emergency { get; init; }

    /// <summary>Dispensed as written: a brand-name drug (pharmacy DAW 1, or the form's box).</summary>
    public bool BrandName { get; init; }

    public string? PriorAuthorization { get; init; }

    public string? RenderingNpi { get; init; }

    public string? ReferringNpi { get; init; }

    /// <summary>Where the line came from in an X12 file (the LX segment number), for the report.</summary>
    public int? SegmentNumber { get; init; }
}
