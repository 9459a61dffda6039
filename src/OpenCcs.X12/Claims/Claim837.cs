namespace OpenCcs.X12.Claims;

public enum ClaimKind
{
    /// <summary>837P, 005010X222 (4010: X098).</summary>
    Professional,

    /// <summary>837I, 005010X223 (4010: X096).</summary>
    Institutional,
}

/// <summary>One claim (CLM loop 2300) with the provider and member context it was sent under.</summary>
public sealed record Claim837
{
    public required ClaimKind Kind { get; init; }

    /// <summary>ST03, or GS08 when ST03 is absent (4010), e.g. "005010X222A1".</summary>
    public required string ImplementationGuide { get; init; }

    public required string InterchangeControlNumber { get; init; }

    public required string TransactionControlNumber { get; init; }

    /// <summary>Position of the CLM segment in the stream.</summary>
    public required int SegmentNumber { get; init; }

    /// <summary>2010AA NM1*85.</summary>
    public Provider837? BillingProvider { get; init; }

    /// <summary>2010BA NM1*IL. For CCS the member id is the CIN or the 14-character BIC.</summary>
    public Person837? Subscriber { get; init; }

    /// <summary>2010CA NM1*QC, present only when the patient is not the subscriber (HL 23).</summary>
    public Person837? Patient { get; init; }

    /// <summary>CLM01.</summary>
    public required string PatientControlNumber { get; init; }

    /// <summary>CLM02.</summary>
    public decimal TotalCharge { get; init; }

    /// <summary>CLM05-1: place of service on 837P, facility type (bill type digits 1-2) on 837I.</summary>
    public string? FacilityCode { get; init; }

    /// <summary>CLM05-2: B (place of service) or A (uniform billing facility type).</summary>
    public string? FacilityCodeQualifier { get; init; }

    /// <summary>CLM05-3: 1 original, 7 replacement, 8 void.</summary>
    public string? FrequencyCode { get; init; }

    /// <summary>837I CL1-01; 1 means emergency.</summary>
    public string? AdmissionTypeCode { get; init; }

    /// <summary>837I DTP*434.</summary>
    public DateRange? StatementPeriod { get; init; }

    /// <summary>Claim-level REF*G1 (for CCS, the SAR number).</summary>
    public string? PriorAuthorization { get; init; }

    /// <summary>Claim-level REF*9F.</summary>
    public string? ReferralNumber { get; init; }

    /// <summary>Claim-level NM1*DN (837P 2310A, 837I 2310F).</summary>
    public Provider837? ReferringProvider { get; init; }

    /// <summary>Claim-level NM1*82 (837P 2310B, 837I 2310D).</summary>
    public Provider837? RenderingProvider { get; init; }

    /// <summary>837I NM1*71 (2310A).</summary>
    public Provider837? AttendingProvider { get; init; }

    public IReadOnlyList<Diagnosis> Diagnoses { get; init; } = [];

    public IReadOnlyList<ServiceLine837> Lines { get; init; } = [];

    /// <summary>Segments of this claim whose content could not be used (e.g. a malformed HI).</summary>
    public IReadOnlyList<X12Issue> Problems { get; init; } = [];

    /// <summary>
    /// Whether the claim holds emergency care. Professional: any line carries SV1-09 = Y. Institutional: CL1-01
    /// admission type 1. CCS waives the SAR for emergencies (DOMAIN.md §9 rule 2): for an 837P the claim check
    /// waives it only on the emergency lines (<see cref="ClaimCheckMapping"/>).
    /// </summary>
    public bool IsEmergency => Kind == ClaimKind.Institutional ? AdmissionTypeCode == "1" : AnyLineIsEmergency();

    private bool AnyLineIsEmergency()
    {
        foreach (var line in Lines)
        {
            if (line.Emergency)
            {
                return true;
            }
        }

        return false;
    }

    public Diagnosis? PrincipalDiagnosis => Diagnoses.FirstOrDefault(d => d.Role == DiagnosisRole.Principal);

    /// <summary>The member the services were for: the patient when sent, otherwise the subscriber.</summary>
    public Person837? Member => Patient ?? Subscriber;

    /// <summary>The prior authorization that governs a line: the line's REF*G1 overrides the claim's.</summary>
    public string? PriorAuthorizationFor(ServiceLine837 line) => line.PriorAuthorization ?? PriorAuthorization;
}

/// <summary>One service line (LX loop 2400).</summary>
public sealed record ServiceLine837
{
    /// <summary>LX01.</summary>
    public required int LineNumber { get; init; }

    /// <summary>Position of the LX segment in the stream.</summary>
    public required int SegmentNumber { get; init; }

    /// <summary>837I SV2-01.</summary>
    public string? RevenueCode { get; init; }

    /// <summary>Procedure qualifier: HC (CPT/HCPCS), ER, IV, WK...</summary>
    public string? ProcedureQualifier { get; init; }

    public string? ProcedureCode { get; init; }

    /// <summary>Up to four modifiers, in order, empty ones dropped.</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>SV1-02 / SV2-03.</summary>
    public decimal Charge { get; init; }

    /// <summary>SV1-03 / SV2-04: UN units, MJ minutes, DA days.</summary>
    public string? UnitBasis { get; init; }

    /// <summary>SV1-04 / SV2-05.</summary>
    public decimal? Units { get; init; }

    /// <summary>837P SV1-05, when it differs from the claim's.</summary>
    public string? PlaceOfService { get; init; }

    /// <summary>837P SV1-07: 1-based positions in the claim's HI list.</summary>
    public IReadOnlyList<int> DiagnosisPointers { get; init; } = [];

    /// <summary>837P SV1-09 = Y.</summary>
    public bool Emergency { get; init; }

    /// <summary>DTP*472.</summary>
    public DateRange? ServiceDate { get; init; }

    /// <summary>Line-level REF*G1; see <see cref="Claim837.PriorAuthorizationFor"/>.</summary>
    public string? PriorAuthorization { get; init; }

    /// <summary>Line-level REF*9F.</summary>
    public string? ReferralNumber { get; init; }

    /// <summary>Line-level NM1*82.</summary>
    public Provider837? RenderingProvider { get; init; }

    /// <summary>Line-level NM1*DN (up to two).</summary>
    public IReadOnlyList<Provider837> ReferringProviders { get; init; } = [];

    /// <summary>Line-level NM1*DK.</summary>
    public Provider837? OrderingProvider { get; init; }

    /// <summary>LIN/CTP drug identification (2410).</summary>
    public DrugIdentification? Drug { get; init; }
}

/// <summary>An NM1 provider or organization.</summary>
/// <param name="EntityCode">NM101: 85 billing, 82 rendering, DN referring, DK ordering, 71 attending.</param>
/// <param name="IsOrganization">NM102 = 2.</param>
public sealed record Provider837(
    string EntityCode,
    bool IsOrganization,
    string? LastOrOrganizationName,
    string? FirstName,
    string? IdQualifier,
    string? Id)
{
    /// <summary>NM109 when NM108 is XX.</summary>
    public string? Npi => IdQualifier == "XX" ? Id : null;
}

/// <summary>Subscriber or patient.</summary>
/// <param name="MemberId">NM109 (subscriber): the CIN or BIC for CCS members.</param>
public sealed record Person837(
    string? LastName,
    string? FirstName,
    string? IdQualifier,
    string? MemberId,
    DateOnly? BirthDate = null,
    string? Gender = null);

public enum DiagnosisCodeSet
{
    Icd10Cm,
    Icd9Cm,
}

public enum DiagnosisRole
{
    Principal,
    Other,
    Admitting,
    PatientReasonForVisit,
    ExternalCause,
}

/// <summary>A diagnosis from an HI composite such as ABK:J45909.</summary>
public sealed record Diagnosis(string Qualifier, string Code)
{
    public DiagnosisCodeSet CodeSet => Qualifier.StartsWith('A') ? DiagnosisCodeSet.Icd10Cm : DiagnosisCodeSet.Icd9Cm;

    public DiagnosisRole Role => DiagnosisQualifiers.RoleOf(Qualifier) ?? DiagnosisRole.Other;
}

/// <summary>A single date (D8) or a range (RD8); a single date has From == To.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool IsSingleDay => From == To;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => IsSingleDay ? From.ToString("yyyy-MM-dd") : $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}

/// <summary>LIN (N4 = NDC in 5-4-2 format) with CTP quantity.</summary>
public sealed record DrugIdentification(string Qualifier, string Code, decimal? Quantity, string? UnitCode)
{
    public string? Ndc => Qualifier == "N4" ? Code : null;
}

internal static class DiagnosisQualifiers
{
    // ICD-10 qualifiers are the ICD-9 ones prefixed with A (TR3 code source 897 vs 131).
    public static DiagnosisRole? RoleOf(ReadOnlySpan<char> qualifier) => qualifier switch
    {
        "ABK" or "BK" => DiagnosisRole.Principal,
        "ABF" or "BF" => DiagnosisRole.Other,
        "ABJ" or "BJ" => DiagnosisRole.Admitting,
        "APR" or "PR" => DiagnosisRole.PatientReasonForVisit,
        "ABN" or "BN" => DiagnosisRole.ExternalCause,
        _ => null,
    };
}
