using OpenCcs.Cli.Tests.Support;

namespace OpenCcs.Cli.Tests;

/// <summary>The built program, run as a person would run it from a shell.</summary>
public sealed class CcsExecutableTests
{
    [Fact]
    public async Task The_built_program_calls_itself_ccs()
    {
        var run = await BuiltCcs.RunAsync("--help");

        run.AssertSucceeded();
        Assert.Contains("Usage:" + Environment.NewLine + "  ccs [command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("migrate", run.Output, StringComparison.Ordinal);
        Assert.Contains("seed", run.Output, StringComparison.Ordinal);
    }

    // Run as a process in an empty folder: in this test process an appsettings.json beside the tests would supply a connection.
    [Fact]
    public async Task Postgres_without_a_connection_string_fails_with_one_clear_line()
    {
        var run = await BuiltCcs.RunAsync("migrate", "--provider", "Postgres");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["ccs migrate: Postgres needs --connection or ConnectionStrings__Ccs."], run.ErrorLines);
        Assert.Equal("", run.Output);
    }
}
