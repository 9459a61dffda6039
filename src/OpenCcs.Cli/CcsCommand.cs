using System.CommandLine;
using OpenCcs.Cli.Commands;
using OpenCcs.Cli.Commands.Claims;

namespace OpenCcs.Cli;

/// <summary>The <c>ccs</c> command: administration of an OpenCCS database from the shell.</summary>
public static class CcsCommand
{
    public static RootCommand Build() => Build(Terminal.Of);

    /// <param name="terminal">Which of the command's streams are a terminal; tests stand in for one.</param>
    internal static RootCommand Build(Func<InvocationConfiguration, Terminal> terminal)
    {
        var root = new RootCommand("ccs — OpenCCS administration: database migrations, demo data and claim checks.");
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ClaimsCommand.Create(terminal));
        return root;
    }
}
