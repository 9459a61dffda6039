using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;

namespace OpenCcs.Bench.Claims.Benchmarks;

/// <summary>The facts of a <see cref="BenchWorld"/> held in dictionaries, so the rule engine is measured without a database.</summary>
internal sealed class InMemoryFacts : IClaimCheckFacts
{
    private readonly Dictionary<string, SarFacts> _sars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderFacts> _providers = new(StringComparer.Ordinal);

    public InMemoryFacts(BenchWorld world)
    {
        var npiById = world.Providers.ToDictionary(p => p.Id, p => p.Npi.Value);
        var cinsByChild = world.Children.ToDictionary(
            c => c.Id, c => c.CinHistory.Select(k => new CinPeriod(k.Cin.Value, k.From, k.To)).ToArray());
        foreach (var provider in world.Providers)
        {
            _providers[provider.Npi.Value] = new ProviderFacts(provider.Npi.Value, provider.Name, provider.Type, provider.PanelPeriods);
        }

        foreach (var sar in world.Sars)
        {
            var lines = sar.Lines.Select(l => new SarLineFacts(
                l.LineNumber, l.CodeSystem, l.Code, l.Disposition, l.AuthorizedUnits, l.AuthorizedFrom, l.AuthorizedTo, l.BrandName, l.Product)).ToArray();
            _sars[sar.Number.Value] = new SarFacts(
                sar.Number.Value, sar.Status, sar.Type, cinsByChild[sar.ChildId],
                sar.AuthorizedProviderId is { } id ? npiById[id] : null, sar.AuthorizedNicuLevel, sar.GrantedScg(), lines);
        }
    }

    public SarFacts? FindSar(string sarNumber) => _sars.GetValueOrDefault(sarNumber);

    public ProviderFacts? FindProvider(string npi) => _providers.GetValueOrDefault(npi);
}
