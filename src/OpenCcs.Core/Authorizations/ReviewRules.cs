using OpenCcs.Core.Common;
using OpenCcs.Core.Providers;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// The rules an approval must meet (DOMAIN.md §5, reference/000, 002, 003), checked against the request
/// before the SAR changes. Built once with the SCG table; <see cref="WithoutCodeTable"/> serves approvals
/// without details, which grant no SCG and know product-specific items only as the request names them.
/// </summary>
public sealed class ReviewRules
{
    private readonly ServiceCodeGroupTable? _codes;

    public ReviewRules(ServiceCodeGroupTable codes) => _codes = codes ?? throw new ArgumentNullException(nameof(codes));

    private ReviewRules() { }

    public static ReviewRules WithoutCodeTable { get; } = new();

    /// <summary>How the decision differs from the request, in plain words; empty when it approves the request as asked.</summary>
    public IReadOnlyList<string> DifferencesFrom(Sar sar, SarDecision decision)
    {
        var differences = new List<string>();
        if (decision.AuthorizedProviderId != sar.RequestingProviderId)
            differences.Add("a different provider is authorised than the one who asked");
        foreach (var (line, given) in Pair(sar, decision))
        {
            if (given.Disposition == LineDisposition.NotAuthorized)
                differences.Add($"{line.Label} is not authorised");
            if (given.Disposition != LineDisposition.Authorized) continue;
            if (given.Units != line.RequestedUnits)
                differences.Add($"{line.Label}: {given.Units} units authorised of {line.RequestedUnits} requested");
            if (given.From != line.From || given.To != line.To)
                differences.Add($"{line.Label}: authorised {given.From:yyyy-MM-dd} to {given.To:yyyy-MM-dd}, requested {line.From:yyyy-MM-dd} to {line.To:yyyy-MM-dd}");
        }
        return differences;
    }

    /// <summary>Checks the decision and returns one line decision per requested line, in line order.</summary>
    internal IReadOnlyList<LineDecision> Check(Sar sar, SarDecision decision)
    {
        // reference/002: CCS issues an authorization after it determines medical eligibility.
        if (sar.AwaitingEligibility)
            throw new DomainRuleException("sar.awaiting-eligibility",
                "This new-referral SAR is waiting for the child's CCS eligibility decision. Approve it once the case is open, or deny it with a reason.");
        if (decision.AuthorizedProviderId == Guid.Empty)
            throw new DomainRuleException("sar.decision-provider-required", "Name the provider the SAR authorises.");
        var pairs = Pair(sar, decision);
        if (pairs.All(p => p.Given.Disposition == LineDisposition.NotAuthorized))
            throw new DomainRuleException("sar.decision-nothing-authorized", "The decision authorises no line. Deny the SAR instead, with a reason the family can read.");
        foreach (var (line, given) in pairs.Where(p => p.Given.Disposition == LineDisposition.Authorized))
        {
            if (given.Units < 1) throw new DomainRuleException("sar.decision-line-units", $"{line.Label}: authorise at least one unit, or leave the line out.");
            if (given.To < given.From)
                throw new DomainRuleException("sar.decision-line-dates", $"{line.Label}: the authorised end date {given.To:yyyy-MM-dd} is before the start date {given.From:yyyy-MM-dd}.");
        }
        var granted = pairs.Where(p => p.Given.Disposition != LineDisposition.NotAuthorized).Select(p => p.Line).ToArray();
        CheckType(decision, granted);
        CheckBrandNames(granted);
        CheckScg(decision, pairs);
        var differences = DifferencesFrom(sar, decision);
        // DOMAIN.md §8: a modified approval gets a Notice of Action stating the reason.
        if (differences.Count > 0 && string.IsNullOrWhiteSpace(decision.Reason))
            throw new DomainRuleException("sar.modify-reason-required",
                $"The decision differs from the request ({string.Join("; ", differences)}). Say why, in words the family can read: the Notice of Action states it.");
        return pairs.Select(p => p.Given).ToArray();
    }

    private void CheckType(SarDecision decision, SarLine[] granted)
    {
        foreach (var line in granted)
        {
            var item = ProductItem(line);
            var isDays = line.CodeSystem == ServiceCodeSystem.InpatientDays;
            switch (decision.Type)
            {
                // reference/000: hospital SARs are restricted to hospital inpatient days only.
                case SarType.HospitalInpatientDays when !isDays:
                    throw new DomainRuleException("sar.hospital-sar-inpatient-days-only",
                        $"A hospital SAR covers inpatient days only. {line.Label} is not an inpatient day: authorise it on the physician's or Special Care Center's SAR.");
                // reference/002: a NICU authorisation covers the NICU physicians, but not a surgeon operating on the infant.
                case SarType.Nicu when !isDays:
                    throw new DomainRuleException("sar.nicu-sar-covers-the-stay",
                        $"A NICU SAR authorises the NICU stay, which already covers the NICU physicians. {line.Label} needs its own SAR (a surgeon operating on the infant does).");
                case SarType.Physician or SarType.SpecialCareCenter or SarType.ProductSpecific when isDays:
                    throw new DomainRuleException("sar.inpatient-days-need-hospital-sar",
                        $"{line.Label} asks for inpatient days, which only a hospital or NICU SAR authorises.");
                // reference/000: product-specific SARs carry the NDC or supply code the provider must bill.
                case SarType.ProductSpecific when line.CodeSystem is not (ServiceCodeSystem.Ndc or ServiceCodeSystem.SupplyCode or ServiceCodeSystem.Hcpcs):
                    throw new DomainRuleException("sar.product-specific-needs-ndc-or-supply-code",
                        $"A product-specific SAR names each product by NDC or supply code; {line.Label} has neither. Ask the provider for the NDC or supply code.");
                case not SarType.ProductSpecific when item is { } product:
                    throw new DomainRuleException("sar.product-item-needs-product-specific-sar",
                        $"{line.Label} is {ServiceCodeGroupTable.Describe(product)}, which CCS authorises only on a product-specific SAR by NDC or supply code.");
            }
        }
        if (decision.Type == SarType.Nicu) CheckNicu(decision.Nicu);
    }

    // reference/003: authorisation only for the level of services the NICU is approved for; above it the
    // hospital follows the CCS guidelines for stabilisation, transfer and transport.
    private static void CheckNicu(NicuAuthorization? nicu)
    {
        if (nicu is null)
            throw new DomainRuleException("sar.nicu-level-required", "Say which NICU level of care is authorised (community, intermediate or regional).");
        if (nicu.FacilityApprovedLevel is not { } approved)
            throw new DomainRuleException("sar.nicu-not-approved",
                "The facility is not a CCS-approved NICU on every date of the stay, so CCS cannot authorise it. The hospital must stabilise the infant and arrange transfer to a CCS-approved NICU.");
        if (nicu.Level > approved)
            throw new DomainRuleException("sar.nicu-level-above-approval",
                $"The NICU is approved for {Words(approved)} care, so CCS authorises only up to that level, not {Words(nicu.Level)}. The hospital must stabilise the infant and arrange transfer to a NICU approved for {Words(nicu.Level)} care.");
    }

    // reference/000: brand-name medications need a separate SAR with medical justification why the generic cannot be used.
    private static void CheckBrandNames(SarLine[] granted)
    {
        if (granted.FirstOrDefault(l => l.BrandName && l.BrandNameJustification is null) is { } line)
            throw new DomainRuleException("sar.brand-name-justification-required",
                $"{line.Label} asks for a brand-name drug without the prescriber's reason the generic will not do. Pend the SAR for that justification, or leave the line out.");
    }

    private void CheckScg(SarDecision decision, IReadOnlyList<(SarLine Line, LineDecision Given)> pairs)
    {
        var underScg = pairs.Where(p => p.Given.Disposition == LineDisposition.CoveredByScg).Select(p => p.Line).ToArray();
        if (decision.Scg is not { } grant)
        {
            if (underScg.Length > 0)
                throw new DomainRuleException("sar.scg-required-for-line", $"{underScg[0].Label} is left to an SCG, but the decision grants none. Grant an SCG or authorise the line itself.");
            return;
        }
        var codes = _codes ?? throw new InvalidOperationException("Granting an SCG needs the SCG table; build ReviewRules with it.");
        if (decision.Type is not (SarType.Physician or SarType.SpecialCareCenter))
            throw new DomainRuleException("sar.scg-needs-physician-or-scc-sar",
                "An SCG is granted on a physician or Special Care Center SAR; hospital, NICU and product-specific SARs authorise only what they name.");
        if (grant.To < grant.From)
            throw new DomainRuleException("sar.scg-dates", $"The SCG grant ends ({grant.To:yyyy-MM-dd}) before it starts ({grant.From:yyyy-MM-dd}).");
        if (codes.Find(grant.Code, grant.From) is not { } group || !group.IsInForceOn(grant.To))
            throw new DomainRuleException("sar.scg-unknown",
                $"SCG {grant.Code} is not in the SCG table for {grant.From:yyyy-MM-dd} to {grant.To:yyyy-MM-dd}. Choose one of SCG {string.Join(", ", codes.Groups.Select(g => g.Code).Distinct())}.");
        foreach (var line in underScg)
        {
            if (line.ServiceCode is { } code && codes.ExclusionFor(code, line.BrandName) is { } exclusion) ThrowExcluded(line, exclusion);
            if (line.ServiceCode is not { } held || !codes.Covers(group.Code, held, grant.From, line.BrandName))
                throw new DomainRuleException("sar.scg-does-not-hold-code", $"{line.Label} is not in {group}. Authorise it as its own line or leave it out.");
        }
    }

    // reference/000: most surgical procedures are not included in SCGs and require separate SAR approval.
    private static void ThrowExcluded(SarLine line, ScgExclusion exclusion) =>
        throw new DomainRuleException("sar.scg-cannot-cover-excluded-line",
            $"{line.Label} cannot be left to the SCG: {exclusion.Reason} Authorise it as its own line or leave it out.");

    private ProductSpecificItem? ProductItem(SarLine line) =>
        line.Product ?? (line.ServiceCode is { } code ? _codes?.ProductItemFor(code) : null);

    private static List<(SarLine Line, LineDecision Given)> Pair(Sar sar, SarDecision decision)
    {
        ArgumentNullException.ThrowIfNull(sar);
        ArgumentNullException.ThrowIfNull(decision);
        var byNumber = new Dictionary<int, LineDecision>();
        foreach (var given in decision.Lines)
        {
            if (sar.Lines.All(l => l.LineNumber != given.LineNumber))
                throw new DomainRuleException("sar.decision-unknown-line", $"The SAR has no line {given.LineNumber}; it has lines 1 to {sar.Lines.Count}.");
            if (!byNumber.TryAdd(given.LineNumber, given))
                throw new DomainRuleException("sar.decision-line-twice", $"Line {given.LineNumber} is decided twice; decide each line once.");
        }
        return sar.Lines
            .Select(line => (line, byNumber.TryGetValue(line.LineNumber, out var given) ? given : LineDecision.NotAuthorized(line.LineNumber)))
            .ToList();
    }

    private static string Words(NicuLevel level) => level.ToString().ToLowerInvariant();
}
