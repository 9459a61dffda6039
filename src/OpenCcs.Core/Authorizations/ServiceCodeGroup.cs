namespace OpenCcs.Core.Authorizations;

/// <summary>
/// A Service Code Grouping (DOMAIN.md §5, reference/000): a bundle of codes a SAR may grant so the
/// provider can render them without a SAR for each. <see cref="EffectiveTo"/> is exclusive.
/// </summary>
public sealed record ServiceCodeGroup
{
    public ServiceCodeGroup(
        string code, string name, DateOnly effectiveFrom, DateOnly? effectiveTo, IEnumerable<CodeRange> includes, bool includesDrugs, string source)
    {
        if (code is not { Length: 2 } || !code.All(char.IsAsciiDigit))
            throw new ArgumentException($"An SCG code is two digits, such as 01; '{code}' is not.", nameof(code));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (effectiveTo is { } to && to <= effectiveFrom)
            throw new ArgumentException($"SCG {code} must end after it starts ({effectiveFrom:yyyy-MM-dd}).", nameof(effectiveTo));
        Code = code;
        Name = name.Trim();
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Includes = includes.ToArray();
        IncludesDrugs = includesDrugs;
        Source = source;
    }

    /// <summary>Two digits, "01" to "12".</summary>
    public string Code { get; }

    public string Name { get; }

    public DateOnly EffectiveFrom { get; }

    public DateOnly? EffectiveTo { get; }

    /// <summary>CPT and HCPCS ranges the grouping holds.</summary>
    public IReadOnlyList<CodeRange> Includes { get; }

    /// <summary>
    /// Whether drugs by NDC are in the grouping: "all FDA-approved drugs are contained in the Service Code
    /// Groupings (excluding drugs that require specific authorization)" (reference/000).
    /// </summary>
    public bool IncludesDrugs { get; }

    public string Source { get; }

    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date < to);

    public override string ToString() => $"SCG {Code} {Name}";
}

/// <summary>The SCG a SAR grants, and the dates the provider may use it.</summary>
public sealed record ScgGrant
{
    public ScgGrant(string code, DateOnly from, DateOnly to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code.Trim();
        From = from;
        To = to;
    }

    public string Code { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }
}
