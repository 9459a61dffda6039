using OpenCcs.Core.Claims;

namespace OpenCcs.Data.Claims;

/// <summary>
/// The SARs and providers a run of claim checks refers to, loaded ahead by <see cref="ClaimFactsLoader"/>.
/// Numbers looked up and not found are remembered as absent, so a batch never asks the database twice.
/// Not thread-safe: one cache per run.
/// </summary>
public sealed class ClaimFactsCache : IClaimCheckFacts
{
    private readonly Dictionary<string, SarFacts?> _sars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderFacts?> _providers = new(StringComparer.Ordinal);

    public int SarCount => _sars.Count;

    public int ProviderCount => _providers.Count;

    public SarFacts? FindSar(string sarNumber) =>
        _sars.TryGetValue(Normalize(sarNumber), out var sar) ? sar : null;

    public ProviderFacts? FindProvider(string npi) =>
        _providers.TryGetValue(Normalize(npi), out var provider) ? provider : null;

    internal bool KnowsSar(string number) => _sars.ContainsKey(number);

    internal bool TryGetSar(string number, out SarFacts? sar) => _sars.TryGetValue(number, out sar);

    internal bool TryGetProvider(string npi, out ProviderFacts? provider) => _providers.TryGetValue(npi, out provider);

    internal SarFacts? FindKnownSar(string number) => _sars.GetValueOrDefault(number);

    internal ProviderFacts? FindKnownProvider(string npi) => _providers.GetValueOrDefault(npi);

    internal bool KnowsProvider(string npi) => _providers.ContainsKey(npi);

    internal void AddSar(string number, SarFacts? sar) => _sars[number] = sar;

    internal void AddProvider(string npi, ProviderFacts? provider) => _providers[npi] = provider;

    /// <summary>Drops everything, for a long run that checks in chunks and wants a bounded cache.</summary>
    public void Clear()
    {
        _sars.Clear();
        _providers.Clear();
    }

    internal static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
