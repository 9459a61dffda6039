namespace OpenCcs.Core.Counties;

/// <summary>
/// One of California's 58 counties as CCS sees it: its code, FIPS code, office contact and how it
/// has run CCS over time (DOMAIN.md §3: decide by the date of the request or service).
/// </summary>
public sealed class County
{
    private readonly CountyModelPeriod[] _periods;

    public County(
        CountyCode code,
        string name,
        string fipsCode,
        IEnumerable<CountyModelPeriod> periods,
        CountyOfficeContact? office = null,
        int? population = null)
    {
        if (code.IsEmpty) throw new ArgumentException("A county needs a CCS county code.", nameof(code));
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A county needs a name.", nameof(name));
        if (!IsCaliforniaFips(fipsCode))
            throw new ArgumentException(
                $"'{fipsCode}' is not a California county FIPS code: expected 06 followed by three digits, for example 06019.",
                nameof(fipsCode));

        Code = code;
        Name = name.Trim();
        FipsCode = fipsCode;
        Office = office;
        Population = population;
        _periods = periods.OrderBy(p => p.EffectiveFrom).ToArray();

        if (_periods.Length == 0)
            throw new ArgumentException($"{Name} County has no CCS model period.", nameof(periods));
        for (var i = 1; i < _periods.Length; i++)
        {
            if (_periods[i - 1].Overlaps(_periods[i]))
                throw new ArgumentException(
                    $"{Name} County has overlapping CCS model periods starting {_periods[i - 1].EffectiveFrom:yyyy-MM-dd} and {_periods[i].EffectiveFrom:yyyy-MM-dd}.",
                    nameof(periods));
        }
    }

    public CountyCode Code { get; }

    public string Name { get; }

    /// <summary>Five-digit state+county FIPS code, for example "06019" for Fresno.</summary>
    public string FipsCode { get; }

    /// <summary>The county CCS office contact, or null when no reference page gives one.</summary>
    public CountyOfficeContact? Office { get; }

    /// <summary>Which reference page the office contact came from, or null when there is none.</summary>
    public string? ContactSource => Office?.Source;

    /// <summary>The population used to apply the independent/dependent convention, when known.</summary>
    public int? Population { get; }

    /// <summary>The county's model periods, oldest first.</summary>
    public IReadOnlyList<CountyModelPeriod> Periods => _periods;

    /// <summary>The model period in force on <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No period covers the date.</exception>
    public CountyModelPeriod ModelOn(DateOnly date) =>
        Array.Find(_periods, p => p.IsInForceOn(date))
        ?? throw new InvalidOperationException(
            $"No CCS county model is recorded for {Name} County ({Code}) on {date:yyyy-MM-dd}. " +
            $"Recorded periods start {_periods[0].EffectiveFrom:yyyy-MM-dd}; add a period covering that date to the county reference data.");

    public override string ToString() => $"{Code} {Name}";

    private static bool IsCaliforniaFips(string? fips) =>
        fips is { Length: 5 } && fips.StartsWith("06", StringComparison.Ordinal) && fips.All(char.IsAsciiDigit);
}
