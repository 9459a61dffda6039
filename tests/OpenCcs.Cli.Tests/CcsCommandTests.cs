using OpenCcs.Cli.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests;

public sealed class CcsCommandTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var run = await Ccs.RunAsync("--help");

        run.AssertSucceeded();
        Assert.Contains("OpenCCS administration", run.Output, StringComparison.Ordinal);
        Assert.Contains("migrate  Create the database if needed and apply every pending migration.", run.Output, StringComparison.Ordinal);
        Assert.Contains("seed     Migrate, then fill an empty database with synthetic demo data", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("seed")]
    public async Task Help_for_a_database_command_lists_its_provider_and_connection_options(string command)
    {
        var run = await Ccs.RunAsync(command, "--help");

        run.AssertSucceeded();
        Assert.Contains("--provider", run.Output, StringComparison.Ordinal);
        Assert.Contains("Sqlite (default) or Postgres.", run.Output, StringComparison.Ordinal);
        Assert.Contains("--connection", run.Output, StringComparison.Ordinal);
        Assert.Contains("defaults to the SQLite file data/openccs.db", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_seed_lists_the_random_seed_option()
    {
        var run = await Ccs.RunAsync("seed", "--help");

        Assert.Contains("--seed", run.Output, StringComparison.Ordinal);
        Assert.Contains("the same seed gives the same demo data", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("seed")]
    public async Task An_unknown_provider_fails_with_one_clear_line(string command)
    {
        var run = await Ccs.RunAsync(command, "--provider", "Oracle", "--connection", "Data Source=never-created.db");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"ccs {command}: Database:Provider 'Oracle' is not known; use Sqlite or Postgres."], run.ErrorLines);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists("never-created.db"));
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_fails_with_one_clear_line()
    {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        var run = await Ccs.RunAsync("migrate", "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Database=openccs;Timeout=5");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["ccs migrate: database error: Failed to connect to 127.0.0.1:1"], run.ErrorLines);
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_with_one_clear_line()
    {
        var run = await Ccs.RunAsync("migrate", "--connection", "not a connection string");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("ccs migrate: The connection string is not valid: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_refused()
    {
        var run = await Ccs.RunAsync("migrate", "--provder", "Sqlite");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--provder", run.Error, StringComparison.Ordinal);
    }
}
