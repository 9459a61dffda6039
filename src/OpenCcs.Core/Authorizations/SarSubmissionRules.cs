using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;
using OpenCcs.Core.Providers;

namespace OpenCcs.Core.Authorizations;

/// <summary>Who may submit a SAR (DOMAIN.md §2, §6; reference/002: care must be by CCS-paneled providers in CCS-approved facilities).</summary>
public static class SarSubmissionRules
{
    /// <summary>
    /// Refuses a provider not paneled (individuals) or not CCS-approved (facilities) on the California date
    /// the request is received, saying how to become eligible to submit.
    /// </summary>
    public static void EnsureMaySubmit(Provider provider, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var requestedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc.Require(receivedAtUtc), BusinessCalendar.Pacific));
        if (provider.IsAuthorizedOn(requestedOn)) return;
        if (provider.IsFacility)
            throw new DomainRuleException("sar.facility-not-approved",
                $"{provider.Name} (NPI {provider.Npi}) is not a CCS-approved facility on {requestedOn:yyyy-MM-dd}, so it cannot submit SARs. " +
                "Facility, NICU and Special Care Center approvals come from the state (ISCD); a CCS-paneled physician caring for the child may submit instead.");
        // reference/000 and DOMAIN.md §6: the panel application is online, many are approved at once, and each gets a tracking number.
        throw new DomainRuleException("sar.provider-not-paneled",
            $"{provider.Name} (NPI {provider.Npi}) is not CCS-paneled on {requestedOn:yyyy-MM-dd}, so CCS cannot accept SARs from them. " +
            "Apply to be paneled with the online CCS Panel Application: many applications are approved at once, and every application gets a tracking number to check its status online. " +
            "Submit the SAR once the provider is paneled.");
    }
}
