using System.CommandLine;
using OpenCcs.Cli.Commands;

namespace OpenCcs.Cli;

/// <summary>The <c>ccs</c> command: administration of an OpenCCS database from the shell.</summary>
public static class CcsCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ccs — OpenCCS administration: database migrations and demo data.");
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        return root;
    }
}
