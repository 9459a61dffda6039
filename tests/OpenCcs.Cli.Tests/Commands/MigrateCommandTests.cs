using Microsoft.EntityFrameworkCore;
using OpenCcs.Cli.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Commands;

public sealed class MigrateCommandTests
{
    [Theory, OnBothDatabases]
    public async Task Migrate_applies_every_migration_to_a_new_database_and_names_them(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();

        var run = await Ccs.RunAsync(["migrate", .. database.Options]);

        run.AssertSucceeded();
        Assert.Equal(
            $"Applied {migrations.Count} migration(s) to the {provider} database: {string.Join(", ", migrations)}.",
            run.Output.Trim());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory, OnBothDatabases]
    public async Task Migrate_says_an_up_to_date_database_is_up_to_date(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        (await Ccs.RunAsync(["migrate", .. database.Options])).AssertSucceeded();

        var again = await Ccs.RunAsync(["migrate", .. database.Options]);

        again.AssertSucceeded();
        Assert.Equal($"{provider} database is up to date.", again.Output.Trim());
    }

    [Fact]
    public async Task Migrate_creates_the_folder_a_new_sqlite_file_lives_in()
    {
        await using var database = await CliDatabase.CreateAsync(TestDatabase.Sqlite);
        var file = database.ConnectionString["Data Source=".Length..];
        Assert.False(Directory.Exists(Path.GetDirectoryName(file)));

        var run = await Ccs.RunAsync(["migrate", .. database.Options]);

        run.AssertSucceeded();
        Assert.True(File.Exists(file), $"{file} was not created.");
    }
}
