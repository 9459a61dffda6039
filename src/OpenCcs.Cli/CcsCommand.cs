using System.CommandLine;
using OpenCcs.Cli.Commands;
using OpenCcs.Cli.Commands.Claims;

namespace OpenCcs.Cli;

/// <summary>The <c>ccs</c> command: administration of an OpenCCS database from the shell.</summary>
public static class CcsCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ccs — OpenCCS administration: database migrations, demo data and claim checks.");
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ClaimsCommand.Create());
        return root;
    }
}
