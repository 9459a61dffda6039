namespace OpenCcs.Core.Claims;

/// <summary>One claim rule as the portal's legend shows it: stable id, a title in plain words, its X12 code and source.</summary>
public sealed record ClaimRule(string Id, string Title, X12Code? Code, string Source);

/// <summary>
/// The claim rules of DOMAIN.md §9 by stable id. A finding carries one of these ids; the ids never change
/// meaning, so stored results and the portal's legend stay readable.
/// </summary>
public static class ClaimRules
{
    /// <summary>A line has no date of service, or its last date is before its first.</summary>
    public const string LineDateInvalid = "claim.line-date-invalid";

    /// <summary>A line has no procedure, revenue or NDC code.</summary>
    public const string LineCodeMissing = "claim.line-code-missing";

    /// <summary>A line bills zero or fewer units.</summary>
    public const string UnitsInvalid = "claim.units-invalid";

    /// <summary>The client ID is not a CIN (9, seven digits, a letter) nor a 14-character BIC ID.</summary>
    public const string CinInvalid = "claim.cin-invalid";

    /// <summary>The CIN is the child's, but another of the child's CINs covers the date of service.</summary>
    public const string CinNotForDate = "claim.cin-not-for-date";

    /// <summary>No SAR number on a service that is not an emergency (CMS-1500 field 23; 837 REF*G1).</summary>
    public const string SarMissing = "claim.sar-missing";

    /// <summary>The SAR number is not one: 11 digits, county code, sequence and check digit.</summary>
    public const string SarInvalid = "claim.sar-invalid";

    /// <summary>No SAR has the number on the claim.</summary>
    public const string SarNotFound = "claim.sar-not-found";

    /// <summary>The SAR is not approved (approved or modified).</summary>
    public const string SarNotApproved = "claim.sar-not-approved";

    /// <summary>The SAR is for another child than the claim's CIN.</summary>
    public const string SarOtherClient = "claim.sar-other-client";

    /// <summary>The date of service is outside the dates the SAR line or the granted SCG covers.</summary>
    public const string OutsideSarDates = "claim.outside-sar-dates";

    /// <summary>The code is neither authorised on the SAR nor inside its granted SCG (or is one of the SCG exclusions).</summary>
    public const string ServiceNotAuthorized = "claim.service-not-authorized";

    /// <summary>A product-specific item (insulin syringes, test strips, lancets) billed with another NDC or supply code than the SAR's.</summary>
    public const string ProductMismatch = "claim.product-mismatch";

    /// <summary>A brand-name drug without a brand-name line on the SAR.</summary>
    public const string BrandNameNotAuthorized = "claim.brand-name-not-authorized";

    /// <summary>More units than authorised, counting earlier lines of the same run.</summary>
    public const string UnitsExceeded = "claim.units-exceeded";

    /// <summary>Neither billing nor rendering provider is the SAR's, and the SAR's provider is not the referring provider.</summary>
    public const string ProviderNotAuthorized = "claim.provider-not-authorized";

    /// <summary>A claim sharing a Special Care Center SAR enters a referring provider.</summary>
    public const string SccReferringEntered = "claim.scc-referring-entered";

    /// <summary>A hospital SAR used for anything but inpatient days.</summary>
    public const string HospitalSarDaysOnly = "claim.hospital-sar-days-only";

    /// <summary>A surgeon's procedure billed on a NICU SAR.</summary>
    public const string NicuSurgeon = "claim.nicu-surgeon";

    /// <summary>A pharmacy claim not sent to BIN 610442.</summary>
    public const string BinWrong = "claim.bin-wrong";

    /// <summary>The provider's NPI is missing, not an NPI, or not known to CCS.</summary>
    public const string ProviderUnknown = "claim.provider-unknown";

    /// <summary>The provider is not paneled (or the facility not approved) on the date of service.</summary>
    public const string ProviderNotPaneled = "claim.provider-not-paneled";

    private const string Faq = "reference/000 (CCS provider FAQ)";

    /// <summary>Every rule, in the order a line's findings list them, for the portal's legend.</summary>
    public static IReadOnlyList<ClaimRule> All { get; } =
    [
        new(LineDateInvalid, "The line has a date of service", X12Code.Carc16, "convention"),
        new(LineCodeMissing, "The line has a procedure, revenue or NDC code", X12Code.Carc16, "convention"),
        new(UnitsInvalid, "The line bills at least some units", X12Code.Carc16, "convention"),
        new(CinInvalid, "The client ID is a CIN or BIC ID", X12Code.Carc31, "DOMAIN.md §9.1, §10; " + Faq),
        new(BinWrong, "Pharmacy claims go to BIN 610442", X12Code.Carc109, "DOMAIN.md §9.8; " + Faq),
        new(ProviderUnknown, "The provider's NPI is known to CCS", X12Code.Carc208, "DOMAIN.md §6, §9.9"),
        new(ProviderNotPaneled, "The provider is paneled, or the facility approved, on the date of service", X12Code.Carc185, "DOMAIN.md §5, §9.9"),
        new(SarMissing, "A SAR number is on the claim unless the service is an emergency", X12Code.Carc15, "DOMAIN.md §9.2"),
        new(SarInvalid, "The SAR number is a valid SAR number", X12Code.Carc15, "DOMAIN.md §5, §9.2"),
        new(SarNotFound, "The SAR exists", X12Code.Carc197, "DOMAIN.md §9.3"),
        new(SarNotApproved, "The SAR is approved", X12Code.Carc197, "DOMAIN.md §9.3"),
        new(SarOtherClient, "The SAR is for this client", X12Code.Carc197, "DOMAIN.md §9.3"),
        new(CinNotForDate, "The CIN is the one that covers the date of service", X12Code.Carc31, Faq),
        new(HospitalSarDaysOnly, "A hospital SAR pays inpatient days only", X12Code.RarcN54, "DOMAIN.md §5, §9.6; " + Faq),
        new(NicuSurgeon, "A NICU SAR covers the NICU's physicians, not a surgeon", X12Code.RarcN54, "DOMAIN.md §5"),
        new(OutsideSarDates, "The date of service is within the SAR's dates", X12Code.Carc197, "DOMAIN.md §9.3; " + Faq),
        new(ServiceNotAuthorized, "The code is authorised on the SAR or inside its granted SCG", X12Code.RarcN54, "DOMAIN.md §9.4; " + Faq),
        new(ProductMismatch, "Product-specific items match the NDC or supply code on the SAR", X12Code.RarcN54, "DOMAIN.md §9.7; " + Faq),
        new(BrandNameNotAuthorized, "Brand-name drugs have their own brand-name SAR line", X12Code.RarcN54, "DOMAIN.md §5; " + Faq),
        new(UnitsExceeded, "Units stay within what was authorised", X12Code.Carc198, "DOMAIN.md §9.7"),
        new(ProviderNotAuthorized, "The provider is the SAR's, or shares it with the SAR's provider as referring provider", X12Code.RarcN54, "DOMAIN.md §9.5; " + Faq),
        new(SccReferringEntered, "Claims sharing a Special Care Center SAR enter no referring provider", X12Code.Carc16, "DOMAIN.md §9.5; " + Faq),
    ];

    /// <summary>The rule with this id, or null.</summary>
    public static ClaimRule? Find(string? id)
    {
        foreach (var rule in All)
            if (rule.Id == id) return rule;
        return null;
    }
}
