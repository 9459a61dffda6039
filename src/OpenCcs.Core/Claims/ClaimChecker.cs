using OpenCcs.Core.Authorizations;

namespace OpenCcs.Core.Claims;

/// <summary>
/// Answers "will this claim line be paid against its authorization?" with the rules of DOMAIN.md §9,
/// each in one place (<see cref="ClaimRules"/>). Every failed rule of a line is reported, not just the first.
/// Thread-safe; one instance serves the whole application.
/// </summary>
public sealed class ClaimChecker(ServiceCodeGroupTable codeGroups)
{
    public ServiceCodeGroupTable CodeGroups { get; } = codeGroups ?? throw new ArgumentNullException(nameof(codeGroups));

    /// <summary>
    /// Checks one claim. <paramref name="usage"/> carries the units already billed against each SAR line by
    /// earlier claims of the same run (a file, or the lines of one form); pass a fresh one per run.
    /// </summary>
    public ClaimCheckResult Check(ClaimToCheck claim, IClaimCheckFacts facts, SarUsage usage) =>
        throw new NotImplementedException("The claim rules are being written.");
}

/// <summary>Units already billed per SAR line during one run, so rule 8 counts earlier lines. Not thread-safe.</summary>
public sealed class SarUsage
{
    private readonly Dictionary<(string Sar, int Line), decimal> _used = [];

    public decimal UsedOn(string sarNumber, int sarLine) => _used.GetValueOrDefault((sarNumber, sarLine));

    public void Add(string sarNumber, int sarLine, decimal units) =>
        _used[(sarNumber, sarLine)] = UsedOn(sarNumber, sarLine) + units;
}
