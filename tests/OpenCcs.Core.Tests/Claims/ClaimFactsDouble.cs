using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>The facts a claim check reads, held in memory: the engine's whole contract with the database.</summary>
internal sealed class ClaimFactsDouble : IClaimCheckFacts
{
    private readonly Dictionary<string, SarFacts> _sars = [];
    private readonly Dictionary<string, ProviderFacts> _providers = [];

    public int SarLookups { get; private set; }

    public ClaimFactsDouble With(params SarFacts[] sars)
    {
        foreach (var sar in sars) _sars[sar.Number] = sar;
        return this;
    }

    public ClaimFactsDouble With(params ProviderFacts[] providers)
    {
        foreach (var provider in providers) _providers[provider.Npi] = provider;
        return this;
    }

    public SarFacts? FindSar(string sarNumber)
    {
        SarLookups++;
        return _sars.GetValueOrDefault(sarNumber);
    }

    public ProviderFacts? FindProvider(string npi) => _providers.GetValueOrDefault(npi);
}
