using System.CommandLine;
using OpenCcs.Cli.Commands.Claims;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>What one run of the <c>ccs</c> command printed and how it ended.</summary>
public sealed record CcsRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Exit code 0 and nothing on standard error; a failure shows what the command wrote there.</summary>
    public CcsRun AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"ccs exited with code {ExitCode}:{Environment.NewLine}{Error}");
        Assert.Equal("", Error);
        return this;
    }
}

/// <summary>Runs the <c>ccs</c> command in this process, capturing what it writes.</summary>
public static class Ccs
{
    public static Task<CcsRun> RunAsync(params string[] args) => RunAsync(CcsCommand.Build(), new StringWriter(), new StringWriter(), args);

    /// <summary>
    /// Runs the command as a person does at a terminal: standard error is the terminal, and so is standard output
    /// unless <paramref name="outputToFile"/> (<c>ccs … &gt; report.txt</c>). <see cref="CcsRun.Error"/> is everything
    /// the terminal was sent, in the order it was sent; <see cref="CcsRun.Output"/> is the file's text, or "".
    /// </summary>
    public static Task<CcsRun> AtTerminalAsync(bool outputToFile, params string[] args)
    {
        var screen = new StringWriter();
        var command = CcsCommand.Build(_ => new Terminal(StandardError: true, StandardOutput: !outputToFile));
        return RunAsync(command, outputToFile ? new StringWriter() : screen, screen, args);
    }

    private static async Task<CcsRun> RunAsync(RootCommand command, StringWriter output, StringWriter error, string[] args)
    {
        using var _ = output;
        using var __ = error;
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Tests run side by side in one process: leave Ctrl+C handling to the test host.
            ProcessTerminationTimeout = null,
        };

        var exitCode = await command.Parse(args).InvokeAsync(configuration);

        var screen = error.ToString();
        return new CcsRun(exitCode, ReferenceEquals(output, error) ? "" : output.ToString(), screen);
    }
}
