namespace OpenCcs.Core.Counties;

/// <summary>
/// How a county runs CCS during one span of time. The span is half-open:
/// <see cref="EffectiveFrom"/> is the first day in force and <see cref="EffectiveTo"/>, when set,
/// is the first day <em>no longer</em> in force, so one period's end equals the next one's start.
/// </summary>
public sealed record CountyModelPeriod
{
    public CountyModelPeriod(
        DateOnly effectiveFrom,
        DateOnly? effectiveTo,
        CareModel careModel,
        string? planName,
        Administration administration,
        string source,
        string? administrationSource = null)
    {
        if (effectiveTo is { } to && to <= effectiveFrom)
            throw new ArgumentException(
                $"A county model period must end after it starts; {effectiveFrom:yyyy-MM-dd} to {to:yyyy-MM-dd} (exclusive) is empty.",
                nameof(effectiveTo));
        // DOMAIN.md §3: under the Whole Child Model a named Medi-Cal plan authorizes and pays.
        if (careModel == CareModel.WholeChildModel && string.IsNullOrWhiteSpace(planName))
            throw new ArgumentException(
                $"A Whole Child Model period starting {effectiveFrom:yyyy-MM-dd} must name the managed care plan.",
                nameof(planName));
        if (careModel == CareModel.Classic && planName is not null)
            throw new ArgumentException(
                $"A Classic CCS period starting {effectiveFrom:yyyy-MM-dd} has no authorizing plan, but '{planName}' was given.",
                nameof(planName));
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException("Say where the county model fact comes from (regulation, source doc or convention).", nameof(source));

        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        CareModel = careModel;
        PlanName = planName;
        Administration = administration;
        Source = source;
        AdministrationSource = administrationSource ?? source;
    }

    public DateOnly EffectiveFrom { get; }

    /// <summary>First day the period no longer applies (exclusive); null while still in force.</summary>
    public DateOnly? EffectiveTo { get; }

    public CareModel CareModel { get; }

    /// <summary>The Medi-Cal plan that authorizes under the Whole Child Model; null for Classic.</summary>
    public string? PlanName { get; }

    public Administration Administration { get; }

    /// <summary>Where the care model and its dates come from: "regulation", "source doc: reference/…" or "convention".</summary>
    public string Source { get; }

    /// <summary>Where the independent/dependent fact comes from; defaults to <see cref="Source"/>.</summary>
    public string AdministrationSource { get; }

    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date < to);

    internal bool Overlaps(CountyModelPeriod other) =>
        (EffectiveTo is not { } thisEnd || other.EffectiveFrom < thisEnd) &&
        (other.EffectiveTo is not { } otherEnd || EffectiveFrom < otherEnd);
}
