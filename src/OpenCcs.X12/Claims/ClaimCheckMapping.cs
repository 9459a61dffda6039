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
        // 837P SV1-05 is sent only when a line's place of service differs from CLM05-1 (qualifier B).
        var claimPlaceOfService = claim.Kind == ClaimKind.Professional && claim.FacilityCodeQualifier is "B" or null
            ? claim.FacilityCode
            : null;
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = ToLine(source[i], claimPlaceOfService);
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
            Emergency = claim.IsEmergency,
            Lines = lines,
        };
    }

    private static ClaimLineToCheck ToLine(ServiceLine837 line, string? claimPlaceOfService) => new()
    {
        LineNumber = line.LineNumber,
        From = line.ServiceDate?.From,
        To = line.ServiceDate is { IsSingleDay: false } range ? range.To : null,
        // Only HC is CPT/HCPCS; ER (jurisdiction codes), IV (HIEC) and WK (ABC) codes are not SAR service codes.
        ProcedureCode = line.ProcedureQualifier == "HC" ? line.ProcedureCode : null,
        RevenueCode = line.RevenueCode,
        Ndc = line.Drug?.Ndc,
        Modifiers = line.Modifiers,
        // SV1-04 / SV2-05 are required; a line that lost them is checked as one unit.
        Units = line.Units ?? 1m,
        PlaceOfService = line.PlaceOfService ?? claimPlaceOfService,
        Emergency = line.Emergency,
        PriorAuthorization = line.PriorAuthorization,
        RenderingNpi = line.RenderingProvider?.Npi,
        ReferringNpi = FirstNpi(line.ReferringProviders),
        SegmentNumber = line.SegmentNumber,
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
