using System.CommandLine;

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
    public static async Task<CcsRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Tests run side by side in one process: leave Ctrl+C handling to the test host.
            ProcessTerminationTimeout = null,
        };

        var exitCode = await CcsCommand.Build().Parse(args).InvokeAsync(configuration);

        return new CcsRun(exitCode, output.ToString(), error.ToString());
    }
}
