using System.Text;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>What a terminal shows of the text sent to it: a carriage return goes back to the start of the line, and what follows overwrites it.</summary>
public static class TerminalScreen
{
    /// <summary>The lines shown, without their trailing blanks.</summary>
    public static string[] Lines(string sent)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var column = 0;
        foreach (var c in sent)
        {
            switch (c)
            {
                case '\r':
                    column = 0;
                    break;
                case '\n':
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    column = 0;
                    break;
                default:
                    if (column < line.Length) line[column] = c;
                    else line.Append(c);
                    column++;
                    break;
            }
        }

        lines.Add(line.ToString().TrimEnd());
        return [.. lines];
    }
}
