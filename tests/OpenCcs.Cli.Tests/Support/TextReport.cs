namespace OpenCcs.Cli.Tests.Support;

/// <summary>Reads the text report of <c>ccs claims check</c> back.</summary>
public static class TextReport
{
    /// <summary>Each claim's heading line and the indented lines under it, keyed by claim reference.</summary>
    public static Dictionary<string, List<string>> ClaimBlocks(string output)
    {
        var blocks = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("  Claim ", StringComparison.Ordinal))
            {
                current = [line];
                blocks[line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]] = current;
            }
            else if (line.StartsWith("    ", StringComparison.Ordinal))
            {
                current?.Add(line);
            }
            else
            {
                current = null;
            }
        }

        return blocks;
    }
}
