namespace OpenCcs.Core.Counties;

/// <summary>
/// All 58 California counties, checked once when built so lookups can trust the data:
/// one county per code, name and FIPS code, and non-overlapping model periods.
/// </summary>
public sealed class CountyDirectory
{
    public const int CountyCount = 58;

    private readonly County[] _byCode = new County[CountyCount + 1];
    private readonly Dictionary<string, County> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, County> _byFips = new(StringComparer.Ordinal);

    public CountyDirectory(IEnumerable<County> counties, CountyOfficeContact? stateOffice = null)
    {
        ArgumentNullException.ThrowIfNull(counties);
        var all = counties.ToList();
        if (all.Count != CountyCount)
            throw new ArgumentException($"The county directory must hold all {CountyCount} California counties; it was given {all.Count}.", nameof(counties));

        foreach (var county in all)
        {
            if (_byCode[county.Code.Value] is { } sameCode)
                throw new ArgumentException($"County code {county.Code} is used by both {sameCode.Name} and {county.Name}.", nameof(counties));
            if (!_byName.TryAdd(county.Name, county))
                throw new ArgumentException($"The county name '{county.Name}' appears twice.", nameof(counties));
            if (!_byFips.TryAdd(county.FipsCode, county))
                throw new ArgumentException($"FIPS code {county.FipsCode} is used by both {_byFips[county.FipsCode].Name} and {county.Name}.", nameof(counties));
            _byCode[county.Code.Value] = county;
        }

        All = _byCode.Skip(1).Select(c => c!).ToArray();
        StateOffice = stateOffice;
    }

    /// <summary>The 58 counties in code order (01 Alameda … 58 Yuba).</summary>
    public IReadOnlyList<County> All { get; }

    /// <summary>The state ISCD office that decides for dependent counties (DOMAIN.md §12), when known.</summary>
    public CountyOfficeContact? StateOffice { get; }

    public County Get(CountyCode code) =>
        code.IsEmpty
            ? throw new ArgumentException("An empty county code names no county.", nameof(code))
            : _byCode[code.Value];

    /// <summary>The county with this name, ignoring case and a trailing " County"; null when none.</summary>
    public County? FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (text.EndsWith(" County", StringComparison.OrdinalIgnoreCase)) text = text[..^" County".Length].TrimEnd();
        return _byName.GetValueOrDefault(text);
    }

    /// <summary>The county with this five-digit FIPS code (for example "06019"); null when none.</summary>
    public County? FindByFips(string fipsCode)
    {
        ArgumentNullException.ThrowIfNull(fipsCode);
        return _byFips.GetValueOrDefault(fipsCode.Trim());
    }
}
