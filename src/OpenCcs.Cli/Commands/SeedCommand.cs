using System.CommandLine;
using OpenCcs.Data;
using OpenCcs.Data.Seed;

namespace OpenCcs.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var seedOption = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same demo data.", DefaultValueFactory = _ => 2026 };
        var command = new Command("seed", "Migrate, then fill an empty database with synthetic demo data and one demo account per role.");
        database.AddTo(command);
        command.Options.Add(seedOption);
        command.SetReportingAction(async (parse, cancellationToken) =>
        {
            await using var db = database.CreateContext(parse);
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            var summary = await new DemoSeed(db, TimeProvider.System).RunAsync(parse.GetValue(seedOption), cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (summary.AlreadySeeded)
            {
                output.WriteLine("The database already holds children; nothing was added.");
                return 0;
            }
            output.WriteLine($"Seeded {summary.Providers} providers, {summary.Children} children, {summary.Referrals} referrals, " +
                $"{summary.Cases} cases, {summary.Sars} SARs and {summary.Accounts} demo accounts (password: {DemoAccounts.Password}).");
            return 0;
        });
        return command;
    }
}
