using System.Globalization;
using System.Text.RegularExpressions;
using OpenCcs.Cli.Commands.Claims;
using OpenCcs.Cli.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Commands;

/// <summary>
/// The progress bar of <c>ccs claims check</c>, as a person at a terminal sees it: drawn on standard error for a file
/// of 4 MiB or more, cleared before the report is printed and at the end, and never part of the report itself.
/// </summary>
public sealed partial class ClaimsCheckProgressTests
{
    // About 4.17 MB of one-line visits: just under 4 MiB, so line breaks after the interchange make up any size above.
    private const int VisitCount = 15_600;

    [Fact]
    public async Task On_a_terminal_a_4_mib_file_shows_a_bar_with_percentage_bytes_and_lines_that_is_gone_when_the_report_ends()
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(TestDatabase.Sqlite);
        var file = Visits(setup, ProgressBar.MinimumBytes);

        var plain = await setup.CheckAsync(file);
        var run = await setup.CheckAtTerminalAsync(outputToFile: false, file);

        plain.AssertSucceeded();
        Assert.Equal(0, run.ExitCode);
        var frames = Frames(run.Error);
        Assert.True(frames.Count > 1, $"expected the bar to be redrawn as the file is read; it was drawn {frames.Count} time(s)");
        Assert.All(frames, f => Assert.Equal(("visits.837", 4.0), (f.Label, f.TotalMb)));
        Assert.Equal(frames.Select(f => f.Percent).Order(), frames.Select(f => f.Percent));
        Assert.Equal(frames.Select(f => f.Lines).Order(), frames.Select(f => f.Lines));
        Assert.All(frames, f =>
        {
            // The share of the file read, three ways: the percentage, the bytes (to a tenth of a MB), and the bar's 24 cells.
            Assert.InRange(f.Percent - (f.ReadMb / f.TotalMb * 100), -2.5, 2.5);
            Assert.Matches("^#*\\.*$", f.Bar);
            Assert.InRange(f.Bar.Count(c => c == '#') - (f.Percent * 24 / 100.0), -1, 1);
        });
        Assert.True(frames[0].Percent < 100, "the bar is first drawn while the file is still being read");
        Assert.Equal(VisitCount, frames[^1].Lines);
        // The bar shares the screen with the report: it is blanked before each part of the report and at the end.
        Assert.Equal(TerminalScreen.Lines(plain.Output), TerminalScreen.Lines(run.Error));
        Assert.DoesNotContain('\r', plain.Output);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task With_the_report_redirected_to_a_file_the_bar_is_drawn_on_the_terminal_and_the_file_holds_the_report_alone(string format)
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(TestDatabase.Sqlite);
        var file = Visits(setup, ProgressBar.MinimumBytes + 1);

        var plain = await setup.CheckAsync(file, "--format", format);
        var run = await setup.CheckAtTerminalAsync(outputToFile: true, file, "--format", format);

        plain.AssertSucceeded();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(plain.Output, run.Output);
        var frames = Frames(run.Error);
        Assert.NotEmpty(frames);
        Assert.InRange(frames[^1].Lines, 1, VisitCount);
        Assert.All(TerminalScreen.Lines(run.Error), line => Assert.Equal("", line));
    }

    // JSON or CSV printed on the terminal would have the bar drawn between its records; a file under 4 MiB is read before a bar would help.
    [Theory]
    [InlineData("json", ProgressBar.MinimumBytes)]
    [InlineData("csv", ProgressBar.MinimumBytes)]
    [InlineData("text", ProgressBar.MinimumBytes - 1)]
    public async Task On_a_terminal_json_or_csv_or_a_file_one_byte_under_4_mib_shows_the_report_and_no_bar(string format, long bytes)
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(TestDatabase.Sqlite);
        var file = Visits(setup, bytes);

        var plain = await setup.CheckAsync(file, "--format", format);
        var run = await setup.CheckAtTerminalAsync(outputToFile: false, file, "--format", format);

        plain.AssertSucceeded();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(plain.Output, run.Error);
    }

    // The built program with its standard error captured, as a script or a CI job runs it: the console says it is not a terminal.
    [Fact]
    public async Task With_standard_error_redirected_the_built_program_draws_no_bar_on_a_large_file()
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(TestDatabase.Sqlite);
        var file = Visits(setup, ProgressBar.MinimumBytes);

        var run = await setup.CheckWithBuiltProgramAsync(file);

        run.AssertSucceeded();
        Assert.Contains($"Totals: 1 file(s), {VisitCount.ToString("N0", CultureInfo.InvariantCulture)} claims", run.Output);
    }

    // VisitCount office visits in a file of exactly `bytes` bytes: line breaks after the interchange, which readers skip, make up the size.
    private static string Visits(ClaimCheckSetup setup, long bytes)
    {
        var text = setup.Scenario.Visits837(ClaimScenario.FirstCin, [.. Enumerable.Repeat("20261215", VisitCount)]);
        Assert.True(text.Length < bytes, $"{VisitCount} visits take {text.Length} bytes, more than the {bytes} the test needs; bill fewer.");
        return setup.Write("visits.837", text + new string('\n', (int)(bytes - text.Length)));
    }

    private sealed record Frame(string Label, string Bar, int Percent, double ReadMb, double TotalMb, long Lines);

    private static List<Frame> Frames(string terminal) =>
        [.. BarPattern().Matches(terminal).Select(m => new Frame(
            m.Groups["label"].Value, m.Groups["bar"].Value, int.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["read"].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["lines"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)))];

    // "visits.837 [##########..............]  42%  1.7/4.0 MB  6,000 lines  52,113 lines/s", each drawn after a carriage return.
    [GeneratedRegex(@"\r(?<label>\S+) \[(?<bar>[#.]{24})\] +(?<percent>\d+)%  (?<read>\d+\.\d)/(?<total>\d+\.\d) MB  (?<lines>[\d,]+) lines  [\d,]+ lines/s")]
    private static partial Regex BarPattern();
}
