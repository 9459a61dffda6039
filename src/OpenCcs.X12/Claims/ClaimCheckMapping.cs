using OpenCcs.Core.Claims;

namespace OpenCcs.X12.Claims;

/// <summary>
/// Turns a claim read from an 837 into the claim check's input (DOMAIN.md §9). Values are passed on as sent,
/// so the rules can say what is wrong with them; only the choice of which X12 value means what is made here.
/// </summary>
public static class ClaimCheckMapping
{
    public static ClaimToCheck ToClaimToCheck(this Claim837 claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var source = claim.Lines;
        var lines = new ClaimLineToCheck[source.Count];
        var claimPlaceOfService = ClaimPlaceOfService(claim.Kind, claim.FacilityCodeQualifier, claim.FacilityCode);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = ToLine(source[i], claimPlaceOfService, claim.StatementPeriod);
        }

        return new ClaimToCheck
        {
            Form = claim.Kind == ClaimKind.Institutional ? ClaimForm.Institutional : ClaimForm.Professional,
            Reference = claim.PatientControlNumber,
            MemberId = claim.Member?.MemberId,
            BillingNpi = claim.BillingProvider?.Npi,
            RenderingNpi = claim.RenderingProvider?.Npi,
            ReferringNpi = claim.ReferringProvider?.Npi,
            PriorAuthorization = claim.PriorAuthorization,
            Emergency = IsEmergencyClaim(claim.Kind, claim.AdmissionTypeCode),
            Trauma = claim.Kind == ClaimKind.Institutional && claim.Lines.Any(l => IsTraumaResponse(l.RevenueCode)),
            Lines = lines,
        };
    }

    /// <summary>
    /// Whether the whole claim is emergency care: an 837I with CL1-01 admission type 1. An 837P marks each line
    /// (SV1-09), so one emergency visit does not excuse the claim's other lines from needing a SAR.
    /// </summary>
    internal static bool IsEmergencyClaim(ClaimKind kind, string? admissionTypeCode) =>
        kind == ClaimKind.Institutional && admissionTypeCode == "1";

    /// <summary>
    /// Revenue code 068x, trauma response (levels I–IV and other), which a hospital bills when its trauma team is
    /// activated: the trauma care the panel rule excepts (DOMAIN.md §5). 837I only; 837P has no such code.
    /// </summary>
    internal static bool IsTraumaResponse(string? revenueCode) => revenueCode switch
    {
        { Length: 4 } code => code.StartsWith("068", StringComparison.Ordinal),
        { Length: 3 } code => code.StartsWith("68", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>837P SV1-05 is sent only when a line's place of service differs from CLM05-1 (qualifier B).</summary>
    internal static string? ClaimPlaceOfService(ClaimKind kind, string? facilityCodeQualifier, string? facilityCode) =>
        kind == ClaimKind.Professional && facilityCodeQualifier is "B" or null ? facilityCode : null;

    // An 837I line without DTP*472 took place within the claim's statement period (DTP*434).
    private static ClaimLineToCheck ToLine(ServiceLine837 line, string? claimPlaceOfService, DateRange? statementPeriod) => Line(
        line.LineNumber, line.SegmentNumber, line.ServiceDate ?? statementPeriod, line.ProcedureQualifier, line.ProcedureCode, line.RevenueCode,
        line.Drug?.Ndc, line.Modifiers, line.Units, line.PlaceOfService, line.Emergency, line.PriorAuthorization,
        line.RenderingProvider?.Npi, line.ReferringProviders, claimPlaceOfService);

    // One mapping for both ways in: from a ServiceLine837, and from the reader's line builder (ReadClaimsToCheck).
    internal static ClaimLineToCheck Line(
        int lineNumber, int segmentNumber, DateRange? serviceDate, string? procedureQualifier, string? procedureCode, string? revenueCode,
        string? ndc, IReadOnlyList<string> modifiers, decimal? units, string? placeOfService, bool emergency, string? priorAuthorization,
        string? renderingNpi, IReadOnlyList<Provider837> referringProviders, string? claimPlaceOfService) => new()
    {
        LineNumber = lineNumber,
        From = serviceDate?.From,
        To = serviceDate is { IsSingleDay: false } range ? range.To : null,
        // Only HC is CPT/HCPCS; ER (jurisdiction codes), IV (HIEC) and WK (ABC) codes are not SAR service codes.
        ProcedureCode = procedureQualifier == "HC" ? procedureCode : null,
        RevenueCode = revenueCode,
        Ndc = ndc,
        Modifiers = modifiers,
        // SV1-04 / SV2-05 are required; a line that lost them is checked as one unit.
        Units = units ?? 1m,
        PlaceOfService = placeOfService ?? claimPlaceOfService,
        Emergency = emergency,
        PriorAuthorization = priorAuthorization,
        RenderingNpi = renderingNpi,
        ReferringNpi = FirstNpi(referringProviders),
        SegmentNumber = segmentNumber,
    };

    private static string? FirstNpi(IReadOnlyList<Provider837> providers)
    {
        for (var i = 0; i < providers.Count; i++)
        {
            if (providers[i].Npi is { } npi)
            {
                return npi;
            }
        }

        return null;
    }
}
