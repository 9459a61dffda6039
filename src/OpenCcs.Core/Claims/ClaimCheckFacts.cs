using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Providers;

namespace OpenCcs.Core.Claims;

/// <summary>
/// What the claim check needs to know from the database, looked up synchronously: the caller loads
/// what a claim (or a batch of claims) refers to before checking, so the engine never waits on I/O.
/// </summary>
public interface IClaimCheckFacts
{
    /// <summary>The SAR with this number (as printed, e.g. "1900000123"), or null.</summary>
    SarFacts? FindSar(string sarNumber);

    /// <summary>The provider with this NPI, or null.</summary>
    ProviderFacts? FindProvider(string npi);
}

/// <summary>A SAR as the claim check sees it.</summary>
/// <param name="ClientCins">Every CIN of the SAR's child with the dates each covered (the CIN that covers the date of service is used).</param>
/// <param name="AuthorizedProviderNpi">Null until decided.</param>
public sealed record SarFacts(
    string Number,
    SarStatus Status,
    SarType? Type,
    IReadOnlyList<CinPeriod> ClientCins,
    string? AuthorizedProviderNpi,
    NicuLevel? AuthorizedNicuLevel,
    ScgGrant? Scg,
    IReadOnlyList<SarLineFacts> Lines);

/// <summary>A CIN and the dates it was the child's; <see cref="To"/> null while current.</summary>
public sealed record CinPeriod(string Cin, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly date) => (From is not { } f || date >= f) && (To is not { } t || date <= t);
}

/// <summary>One SAR line with what the decision gave it.</summary>
public sealed record SarLineFacts(
    int LineNumber,
    ServiceCodeSystem CodeSystem,
    string? Code,
    LineDisposition? Disposition,
    int? AuthorizedUnits,
    DateOnly? AuthorizedFrom,
    DateOnly? AuthorizedTo,
    bool BrandName,
    ProductSpecificItem? Product);

/// <summary>A provider: type, and the panel periods (individuals) or approvals (facilities) that let it be paid.</summary>
public sealed record ProviderFacts(string Npi, string Name, ProviderType Type, IReadOnlyList<PanelPeriod> PaneledOrApproved)
{
    public bool IsFacility => Type is ProviderType.Hospital or ProviderType.SpecialCareCenter;

    public bool IsAuthorizedOn(DateOnly date)
    {
        // A loop, not Any(): the claim check calls this for every line of a run.
        if (PaneledOrApproved is null) return false;
        for (var i = 0; i < PaneledOrApproved.Count; i++)
            if (PaneledOrApproved[i]?.Contains(date) == true) return true;
        return false;
    }
}
