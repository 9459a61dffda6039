using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Data.Claims;

/// <summary>
/// Loads what claims refer to (their SARs with the child's CIN and the authorised provider's NPI, and
/// every billing, rendering and referring provider) in a few set-based queries, read-only.
/// </summary>
public sealed class ClaimFactsLoader(CcsDbContext db)
{
    // Keeps each IN list well inside what both databases accept as one parameter.
    private const int QueryChunk = 2_000;

    public async Task<ClaimFactsCache> LoadForAsync(IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default)
    {
        var cache = new ClaimFactsCache();
        await LoadIntoAsync(cache, claims, ct);
        return cache;
    }

    /// <summary>Adds to <paramref name="cache"/> whatever <paramref name="claims"/> refer to that it does not know yet.</summary>
    public async Task LoadIntoAsync(ClaimFactsCache cache, IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(claims);
        var sarNumbers = new HashSet<SarNumber>();
        var npis = new HashSet<Npi>();
        foreach (var claim in claims)
        {
            AddSar(claim.PriorAuthorization);
            AddNpi(claim.BillingNpi);
            AddNpi(claim.RenderingNpi);
            AddNpi(claim.ReferringNpi);
            foreach (var line in claim.Lines)
            {
                AddSar(line.PriorAuthorization);
                AddNpi(line.RenderingNpi);
                AddNpi(line.ReferringNpi);
            }
        }

        foreach (var chunk in sarNumbers.Chunk(QueryChunk)) await LoadSarsAsync(cache, chunk, ct);
        foreach (var chunk in npis.Chunk(QueryChunk)) await LoadProvidersAsync(cache, chunk, ct);

        void AddSar(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var key = ClaimFactsCache.Normalize(text);
            if (cache.KnowsSar(key)) return;
            if (SarNumber.TryParse(key, out var number)) sarNumbers.Add(number);
            else cache.AddSar(key, null); // malformed: the checker reports it, nothing to look up
        }

        void AddNpi(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var key = ClaimFactsCache.Normalize(text);
            if (cache.KnowsProvider(key)) return;
            if (Npi.TryParse(key, out var npi)) npis.Add(npi);
            else cache.AddProvider(key, null);
        }
    }

    private async Task LoadSarsAsync(ClaimFactsCache cache, SarNumber[] numbers, CancellationToken ct)
    {
        var rows = await db.Sars.AsNoTracking()
            .Where(s => numbers.Contains(s.Number))
            .Select(s => new
            {
                s.Number,
                s.Status,
                s.Type,
                Cin = db.Children.Where(c => c.Id == s.ChildId).Select(c => c.Cin).FirstOrDefault(),
                AuthorizedNpi = db.Providers.Where(p => p.Id == s.AuthorizedProviderId).Select(p => (Npi?)p.Npi).FirstOrDefault(),
                s.AuthorizedNicuLevel,
                s.ScgCode,
                s.ScgFrom,
                s.ScgTo,
                Lines = s.Lines.Select(l => new SarLineFacts(
                    l.LineNumber, l.CodeSystem, l.Code, l.Disposition, l.AuthorizedUnits, l.AuthorizedFrom, l.AuthorizedTo, l.BrandName, l.Product)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        foreach (var row in rows)
        {
            var scg = row.ScgCode is { } code && row.ScgFrom is { } from && row.ScgTo is { } to
                ? new Core.Authorizations.ScgGrant(code, from, to)
                : null;
            // One CIN per child today, so it covers every date of service; CIN history would add periods here.
            IReadOnlyList<CinPeriod> cins = row.Cin is { } cin ? [new CinPeriod(cin.Value, null, null)] : [];
            var facts = new SarFacts(
                row.Number.Value, row.Status, row.Type, cins, row.AuthorizedNpi?.Value, row.AuthorizedNicuLevel, scg,
                row.Lines.OrderBy(l => l.LineNumber).ToArray());
            cache.AddSar(facts.Number, facts);
        }
        foreach (var number in numbers)
        {
            if (!cache.KnowsSar(number.Value)) cache.AddSar(number.Value, null);
        }
    }

    private async Task LoadProvidersAsync(ClaimFactsCache cache, Npi[] npis, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().Where(p => npis.Contains(p.Npi)).AsSplitQuery().ToListAsync(ct);
        foreach (var provider in providers)
        {
            var periods = provider.IsFacility ? provider.Approvals.Select(a => a.Period).ToArray() : provider.PanelPeriods.ToArray();
            cache.AddProvider(provider.Npi.Value, new ProviderFacts(provider.Npi.Value, provider.Name, provider.Type, periods));
        }
        foreach (var npi in npis)
        {
            if (!cache.KnowsProvider(npi.Value)) cache.AddProvider(npi.Value, null);
        }
    }
}
