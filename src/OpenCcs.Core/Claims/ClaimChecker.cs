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

    // Claims come in runs that bill the same SARs, so a small table of recent indexes answers most look-ups before
    // the weak table's hashing. Entries are immutable and replaced whole, so concurrent checks at worst miss.
    private readonly SarIndex?[] _recent = new SarIndex?[1024];

    internal SarIndex IndexOf(SarFacts sar)
    {
        var slot = RuntimeHelpers.GetHashCode(sar) & (_recent.Length - 1);
        var recent = Volatile.Read(ref _recent[slot]);
        if (recent is not null && ReferenceEquals(recent.Sar, sar)) return recent;
        var index = _sars.GetValue(sar, static s => new SarIndex(s));
        Volatile.Write(ref _recent[slot], index);
        return index;
    }

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
    // A SAR number is 11 digits, so number, length and line fit one long (up to 12 digits: 40 + 4 + 16 bits):
    // hashing it is cheaper than hashing the text, and this is asked for every line of a run. Anything else (never a
    // stored SAR) is kept by its text.
    private readonly Dictionary<long, decimal> _byNumber = [];
    private Dictionary<(string Sar, int Line), decimal>? _byText;

    public decimal UsedOn(string sarNumber, int sarLine) =>
        Key(sarNumber, sarLine) is { } key ? _byNumber.GetValueOrDefault(key) : _byText?.GetValueOrDefault((sarNumber, sarLine)) ?? 0m;

    public void Add(string sarNumber, int sarLine, decimal units)
    {
        if (Key(sarNumber, sarLine) is { } key) CollectionsMarshal.GetValueRefOrAddDefault(_byNumber, key, out _) += units;
        else CollectionsMarshal.GetValueRefOrAddDefault(_byText ??= [], (sarNumber, sarLine), out _) += units;
    }

    private static long? Key(string sarNumber, int sarLine)
    {
        if (sarNumber is null || sarNumber.Length is 0 or > 12 || sarLine is < 0 or > 0xFFFF) return null;
        long number = 0;
        foreach (var c in sarNumber)
        {
            var digit = (uint)(c - '0');
            if (digit > 9) return null;
            number = number * 10 + digit;
        }
        // Leading zeros would make "012" and "12" one key: the length goes into the key too.
        return (((number << 4) | (long)sarNumber.Length) << 16) | (long)sarLine;
    }
}
