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

    internal bool KnowsProvider(string npi) => _providers.ContainsKey(npi);

    internal void AddSar(string number, SarFacts? sar) => _sars[number] = sar;

    internal void AddProvider(string npi, ProviderFacts? provider) => _providers[npi] = provider;

    /// <summary>
    /// A new cache holding only what <paramref name="claims"/> refer to (found or known absent), sharing the same
    /// facts instances. A run that loads on one thread and checks on another hands each batch its own view, so the
    /// checking thread never reads a dictionary the loading thread is adding to.
    /// </summary>
    public ClaimFactsCache CopyFor(IEnumerable<ClaimToCheck> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var copy = new ClaimFactsCache();
        foreach (var claim in claims)
        {
            CopySar(claim.PriorAuthorization);
            CopyProvider(claim.BillingNpi);
            CopyProvider(claim.RenderingNpi);
            CopyProvider(claim.ReferringNpi);
            foreach (var line in claim.Lines)
            {
                CopySar(line.PriorAuthorization);
                CopyProvider(line.RenderingNpi);
                CopyProvider(line.ReferringNpi);
            }
        }

        return copy;

        void CopySar(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var key = Normalize(text);
            if (_sars.TryGetValue(key, out var sar)) copy._sars[key] = sar;
        }

        void CopyProvider(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var key = Normalize(text);
            if (_providers.TryGetValue(key, out var provider)) copy._providers[key] = provider;
        }
    }

    /// <summary>Drops everything, for a long run that checks in chunks and wants a bounded cache.</summary>
    public void Clear()
    {
        _sars.Clear();
        _providers.Clear();
    }

    internal static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
