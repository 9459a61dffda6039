using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data;

namespace OpenCcs.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var command = new Command("migrate", "Create the database if needed and apply every pending migration.");
        database.AddTo(command);
        command.SetReportingAction(async (parse, cancellationToken) =>
        {
            await using var db = database.CreateContext(parse);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(pending.Count == 0
                ? $"{db.Provider} database is up to date."
                : $"Applied {pending.Count} migration(s) to the {db.Provider} database: {string.Join(", ", pending)}.");
            return 0;
        });
        return command;
    }
}
