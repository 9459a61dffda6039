using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenCcs.Core.Authorizations;

namespace OpenCcs.Core.Claims;

/// <summary>
/// Answers "will this claim line be paid against its authorization?" with the rules of DOMAIN.md §9,
/// each in one place (<see cref="ClaimRules"/>). Every failed rule of a line is reported, not just the first.
/// Thread-safe; one instance serves the whole application.
/// </summary>
public sealed class ClaimChecker(ServiceCodeGroupTable codeGroups)
{
    // Keyed by the SarFacts instance: a caller that hands out the same SAR for many claims reads it once.
    // SarFacts are taken as immutable; a changed SAR comes as a new instance.
    private readonly ConditionalWeakTable<SarFacts, SarIndex> _sars = new();

    // Codes billed in a run repeat, so whether a grouping covers a code is remembered per grouping period.
    // Bounded, so a file of made-up codes cannot grow it without limit.
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<(string Scg, DateOnly Period, ServiceCodeSystem System, string Code), bool> _covers = new();

    public ServiceCodeGroupTable CodeGroups { get; } = codeGroups ?? throw new ArgumentNullException(nameof(codeGroups));

    /// <summary>
    /// Checks one claim. <paramref name="usage"/> carries the units already billed against each SAR line by
    /// earlier claims of the same run (a file, or the lines of one form); pass a fresh one per run.
    /// Bad input never throws: it becomes a finding on the line.
    /// </summary>
    public ClaimCheckResult Check(ClaimToCheck claim, IClaimCheckFacts facts, SarUsage usage)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(usage);
        var lines = claim.Lines;
        if (lines is null || lines.Count == 0) return new ClaimCheckResult(claim.Reference, []);
        var run = new ClaimRun(this, claim, facts, usage);
        var results = new LineCheckResult[lines.Count];
        for (var i = 0; i < results.Length; i++)
            results[i] = run.Check(lines[i], i + 1);
        return new ClaimCheckResult(claim.Reference, results);
    }

    internal SarIndex IndexOf(SarFacts sar) => _sars.GetValue(sar, static s => new SarIndex(s));

    /// <summary><see cref="ServiceCodeGroupTable.Covers"/>, remembered.</summary>
    internal bool Covers(string scg, ServiceCode code, DateOnly on)
    {
        var groups = CodeGroups.Groups;
        ServiceCodeGroup? group = null;
        for (var i = 0; i < groups.Count && group is null; i++)
            if (groups[i].Code == scg && groups[i].IsInForceOn(on)) group = groups[i];
        if (group is null) return false;
        var key = (group.Code, group.EffectiveFrom, code.System, code.Code);
        if (_covers.TryGetValue(key, out var covers)) return covers;
        covers = CodeGroups.Covers(scg, code, on);
        if (_covers.Count < MaxRemembered) _covers.TryAdd(key, covers);
        return covers;
    }
}

/// <summary>Units already billed per SAR line during one run, so rule 8 counts earlier lines. Not thread-safe.</summary>
public sealed class SarUsage
{
    private readonly Dictionary<(string Sar, int Line), decimal> _used = [];

    public decimal UsedOn(string sarNumber, int sarLine) => _used.GetValueOrDefault((sarNumber, sarLine));

    public void Add(string sarNumber, int sarLine, decimal units) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_used, (sarNumber, sarLine), out _) += units;
}
