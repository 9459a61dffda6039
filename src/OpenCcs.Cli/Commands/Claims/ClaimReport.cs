using OpenCcs.Core.Claims;
using OpenCcs.X12;
using OpenCcs.X12.Claims;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>One claim of a file (its CLM segment number and the reader's warnings in <paramref name="Source"/>) with the answer for each of its lines.</summary>
internal readonly record struct CheckedClaim(ClaimReadForCheck Source, ClaimToCheck Claim, ClaimCheckResult Result)
{
    /// <summary>The SAR that governs a line: the line's REF*G1, or the claim's.</summary>
    public string? SarFor(int lineIndex) => Claim.Lines[lineIndex].PriorAuthorization ?? Claim.PriorAuthorization;
}

/// <summary>Counts for the end of a run.</summary>
internal sealed class ClaimTotals
{
    public int Files { get; set; }
    public int UnreadableFiles { get; set; }
    public long Claims { get; private set; }
    public long ClaimsPaying { get; private set; }
    public long Lines { get; private set; }
    public long LinesPaying { get; private set; }

    /// <summary>Denied lines per rule id (a line failing two rules counts under both).</summary>
    public SortedDictionary<string, long> ByRule { get; } = new(StringComparer.Ordinal);

    public long LinesDenied => Lines - LinesPaying;

    public void Add(ClaimCheckResult result)
    {
        Claims++;
        if (result.Pays)
        {
            ClaimsPaying++;
        }

        // Index loops: a foreach over an IReadOnlyList allocates an enumerator, and this runs for every claim of a file.
        var lines = result.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Lines++;
            if (line.Pays)
            {
                LinesPaying++;
                continue;
            }

            var findings = line.Findings;
            for (var f = 0; f < findings.Count; f++)
            {
                ByRule[findings[f].RuleId] = ByRule.GetValueOrDefault(findings[f].RuleId) + 1;
            }
        }
    }
}

/// <summary>Writes the results of a run in one format. Calls come from one thread, in file order.</summary>
internal abstract class ClaimReport(TextWriter output)
{
    protected TextWriter Output { get; } = output;

    public virtual void BeginFile(string path)
    {
    }

    public abstract void Write(string path, in CheckedClaim claim);

    /// <summary>The file was read to the end; <paramref name="issues"/> are the reader's warnings (envelope counts, repaired delimiters).</summary>
    public virtual void EndFile(string path, int claims, IReadOnlyList<X12Issue> issues)
    {
    }

    public virtual void End(ClaimTotals totals)
    {
    }

    /// <summary>Pushes what was written so far to the output (between chunks, and at the end).</summary>
    public virtual void Flush() => Output.Flush();

    public static ClaimReport Create(string format, TextWriter output) => format switch
    {
        "json" => new JsonClaimReport(output),
        "csv" => new CsvClaimReport(output),
        _ => new TextClaimReport(output),
    };
}
