using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// Outpatient pharmacy requests payable by NDC go to Medi-Cal Rx, not CCS (reference/004 note; Medi-Cal Rx
/// took over Medi-Cal and CCS pharmacy on 2022-01-01), so they are redirected with an explanation.
/// <para>
/// The two sources overlap on diabetic supplies: reference/004 sends NDC-payable medical supplies to
/// Medi-Cal Rx, while reference/000 and DOMAIN.md §5 require CCS product-specific SARs for insulin syringes,
/// diabetic test strips and lancets by NDC or supply code. Both are kept: a line that is one of those items
/// (by its supply code, or an NDC the request names as one) stays a CCS SAR; every other NDC line belongs
/// to Medi-Cal Rx. Supplies and equipment requested by HCPCS code stay with CCS (ISCD Directed Review
/// handles diabetic supplies and DME, reference/004).
/// </para>
/// </summary>
public sealed class MediCalRxRedirect
{
    public MediCalRxRedirect(DateOnly effectiveFrom, string explanation, string wholeChildModelNote, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        ArgumentException.ThrowIfNullOrWhiteSpace(wholeChildModelNote);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        EffectiveFrom = effectiveFrom;
        Explanation = explanation.Trim();
        WholeChildModelNote = wholeChildModelNote.Trim();
        Source = source;
    }

    public DateOnly EffectiveFrom { get; }

    /// <summary>Where to send the request instead, for the provider.</summary>
    public string Explanation { get; }

    /// <summary>Added under the Whole Child Model: the plan's pharmacy rules and the fee-for-service carve-outs (reference/003).</summary>
    public string WholeChildModelNote { get; }

    public string Source { get; }

    /// <summary>
    /// True when the whole request belongs to Medi-Cal Rx, false when none of it does. A request mixing both
    /// is refused, naming the pharmacy lines, so the provider sends those to Medi-Cal Rx and the rest to CCS.
    /// </summary>
    public bool Applies(Sar sar, ServiceCodeGroupTable codes)
    {
        ArgumentNullException.ThrowIfNull(sar);
        ArgumentNullException.ThrowIfNull(codes);
        var receivedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(sar.ReceivedAt, BusinessCalendar.Pacific));
        if (receivedOn < EffectiveFrom) return false;
        var pharmacy = sar.Lines.Where(l => IsOutpatientPharmacy(l, codes)).ToArray();
        if (pharmacy.Length == 0) return false;
        if (pharmacy.Length == sar.Lines.Count) return true;
        throw new DomainRuleException("sar.pharmacy-lines-go-to-medi-cal-rx",
            $"{string.Join(", ", pharmacy.Select(l => l.Label))} {(pharmacy.Length == 1 ? "is an outpatient pharmacy item" : "are outpatient pharmacy items")} payable by NDC, which Medi-Cal Rx handles, not CCS. " +
            "Remove them from this SAR and submit them to Medi-Cal Rx; submit the rest to CCS.");
    }

    /// <summary>The explanation for a request in a county running <paramref name="model"/>.</summary>
    public string ExplanationFor(CareModel model) =>
        model == CareModel.WholeChildModel ? $"{Explanation} {WholeChildModelNote}" : Explanation;

    private static bool IsOutpatientPharmacy(SarLine line, ServiceCodeGroupTable codes) =>
        line.CodeSystem == ServiceCodeSystem.Ndc && line.Product is null && (line.ServiceCode is not { } code || codes.ProductItemFor(code) is null);
}
