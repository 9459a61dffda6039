using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Claims;

/// <summary>The provider rules: paneled or approved on the date of service (rule 10), and the SAR's provider (rule 6).</summary>
internal partial struct ClaimRun
{

    /// <summary>
    /// Rule 10: the provider who rendered the line (else the billing provider) is paneled, or the facility approved,
    /// on every date of service. Emergency and trauma care are excepted (DOMAIN.md §5), and so is a provider CCS does
    /// not know in that case (an emergency at a non-CCS hospital); an NPI that is missing or not an NPI never is.
    /// </summary>
    private void CheckPanel(ClaimLineToCheck line, DateOnly? from, DateOnly? to, bool excepted, ref List<ClaimFinding>? findings)
    {
        var npi = Entered(line.RenderingNpi, _claim.RenderingNpi) ?? Entered(null, _claim.BillingNpi);
        if (npi is null)
        {
            Fail(ref findings, Finding(ClaimRules.ProviderUnknown, X12Code.Carc208,
                "The claim has no rendering or billing provider NPI.",
                $"Enter the NPI in {ClaimFields.Provider(_form)}."));
            return;
        }
        if (!IsNpi(npi))
        {
            Fail(ref findings, Finding(ClaimRules.ProviderUnknown, X12Code.Carc208,
                $"'{npi}' is not an NPI: an NPI is 10 digits whose last is a check digit.",
                $"Correct the NPI in {ClaimFields.Provider(_form)}."));
            return;
        }
        if (excepted) return;
        var provider = FindProvider(npi);
        if (provider is null)
        {
            Fail(ref findings, Finding(ClaimRules.ProviderUnknown, X12Code.Carc208,
                $"NPI {npi} is not a CCS provider.",
                $"Check the NPI in {ClaimFields.Provider(_form)}; a provider new to CCS applies online to be paneled before billing."));
            return;
        }
        if (from is not { } first) return;
        var last = to ?? first;
        DateOnly? outside = !provider.IsAuthorizedOn(first) ? first : last != first && !provider.IsAuthorizedOn(last) ? last : null;
        if (outside is not { } day) return;
        Fail(ref findings, provider.IsFacility
            ? Finding(ClaimRules.ProviderNotPaneled, X12Code.Carc185,
                $"{provider.Name} (NPI {npi}) is not a CCS-approved facility on {Day(day)}.",
                "Only CCS-approved facilities are paid: move the child to a CCS-approved facility once stable, and mark emergency or trauma care as such.")
            : Finding(ClaimRules.ProviderNotPaneled, X12Code.Carc185,
                $"{provider.Name} (NPI {npi}) is not CCS-paneled on {Day(day)}.",
                $"Bill under a provider paneled on the date of service ({ClaimFields.Provider(_form)}), or apply for CCS paneling online; emergency and trauma care are excepted."));
    }


    private bool IsNpi(string npi)
    {
        if (npi != _npiChecked)
        {
            _npiValid = Npi.TryParse(npi, out _);
            _npiChecked = npi;
        }
        return _npiValid;
    }

    private ProviderFacts? FindProvider(string npi)
    {
        if (npi != _npiLookedUp)
        {
            _provider = _facts.FindProvider(npi);
            _npiLookedUp = npi;
        }
        return _provider;
    }

    /// <summary>
    /// Rule 6: the billing or rendering provider is the SAR's authorised provider; a provider sharing the SAR
    /// enters the authorised provider as referring provider, except on a Special Care Center SAR, where sharing
    /// providers enter no referring provider at all (reference/000).
    /// </summary>
    private void CheckSarProvider(ClaimLineToCheck line, SarIndex sar, ref List<ClaimFinding>? findings)
    {
        if (sar.AuthorizedProviderNpi is not { } authorized) return;
        var billing = Entered(null, _claim.BillingNpi);
        var rendering = Entered(line.RenderingNpi, _claim.RenderingNpi);
        if (billing == authorized || rendering == authorized) return;
        var referring = Entered(line.ReferringNpi, _claim.ReferringNpi);
        if (sar.Sar.Type == SarType.SpecialCareCenter)
        {
            if (referring is null) return;
            Fail(ref findings, Finding(ClaimRules.SccReferringEntered, X12Code.Carc16,
                $"SAR {sar.Number} is a Special Care Center SAR: providers sharing it enter no referring provider, but this claim has referring NPI {referring}.",
                $"Leave the referring provider empty ({ClaimFields.Referring(_form)}) and keep SAR {sar.Number} in {ClaimFields.SarNumber(_form)}."));
            return;
        }
        if (referring == authorized) return;
        Fail(ref findings, Finding(ClaimRules.ProviderNotAuthorized, X12Code.RarcN54,
            $"SAR {sar.Number} is authorised to NPI {authorized}. The billing provider ({billing ?? "none"}) and rendering provider ({rendering ?? "none"}) are others, "
            + $"and the referring provider is {(referring is null ? "empty" : $"NPI {referring}")}.",
            $"When sharing the SAR (lab, x-ray, anesthesiology), enter the authorised provider NPI {authorized} as referring provider in {ClaimFields.Referring(_form)}; otherwise ask for a SAR in your own name."));
    }
}
