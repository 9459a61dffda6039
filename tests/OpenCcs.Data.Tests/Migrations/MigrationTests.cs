using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Migrations;

public sealed class MigrationTests
{
    private static readonly Guid WithCin = Guid.Parse("6f1c2a4e-0b7d-4c1e-9a55-3d2f8e7b6c01");
    private static readonly Guid WithoutCin = Guid.Parse("6f1c2a4e-0b7d-4c1e-9a55-3d2f8e7b6c02");

    [Theory, OnBothDatabases]
    public async Task A_fresh_database_migrates_from_nothing_and_has_no_pending_migrations(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());

        await DatabaseSetup.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Children.CountAsync());
        Assert.Equal(0, await db.Sars.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Theory, OnBothDatabases]
    public async Task Migrating_an_up_to_date_database_changes_nothing(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        await DatabaseSetup.MigrateAsync(db);

        Assert.Equal(applied, await db.Database.GetAppliedMigrationsAsync());
    }

    // Catches a model change committed without `dotnet ef migrations add` for that provider.
    [Theory, OnBothDatabases]
    public async Task The_migrations_describe_the_whole_model(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes no migration covers. Run `dotnet ef migrations add <Change> --context {db.GetType().Name}` " +
            "for both contexts (see src/OpenCcs.Data).");
    }

    [Theory, OnBothDatabases]
    public async Task Migrating_a_database_of_children_with_one_cin_each_gives_each_cin_one_open_period(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider, migrate: false);
        await using (var before = database.NewContext())
        {
            var initial = before.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
            await before.GetService<IMigrator>().MigrateAsync(initial);
            var at = provider == TestDatabase.Postgres ? "2026-11-23 21:00:00+00" : "2026-11-23 21:00:00.0000000";
            // Rows as the one-CIN model left them, written in SQL: today's model would also write the history.
            var rows = $"""
                INSERT INTO children ("Id", first_name, last_name, "DateOfBirth", "Cin", "CountyOfResidence", "Language", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('{WithCin.ToString().ToUpperInvariant()}', 'Ana', 'Reyes', '2015-02-28', '91234567A', 19, 'Spanish', 1, '{at}', '{at}'),
                       ('{WithoutCin.ToString().ToUpperInvariant()}', 'Leo', 'Nguyen', '2024-06-01', NULL, 37, 'English', 1, '{at}', '{at}')
                """;
            await before.Database.ExecuteSqlRawAsync(rows);
        }

        await using var db = database.NewContext();
        await DatabaseSetup.MigrateAsync(db);

        var withCin = await db.Children.SingleAsync(c => c.Id == WithCin);
        var period = Assert.Single(withCin.CinHistory);
        Assert.Equal((Cin.Parse("91234567A"), (DateOnly?)null, (DateOnly?)null), (period.Cin, period.From, period.To));
        Assert.Equal(Cin.Parse("91234567A"), withCin.CinOn(new DateOnly(2015, 2, 28)));
        Assert.Equal(Cin.Parse("91234567A"), withCin.Cin);
        Assert.Empty((await db.Children.SingleAsync(c => c.Id == WithoutCin)).CinHistory);
    }

    [Fact]
    public async Task Both_providers_have_the_same_migrations_in_the_same_order()
    {
        await using var sqlite = await FreshDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await using var postgres = await FreshDatabase.CreateAsync(TestDatabase.Postgres, migrate: false);
        await using var sqliteDb = sqlite.NewContext();
        await using var postgresDb = postgres.NewContext();

        var sqliteNames = sqliteDb.Database.GetMigrations().Select(NameOf).ToList();
        var postgresNames = postgresDb.Database.GetMigrations().Select(NameOf).ToList();

        Assert.NotEmpty(sqliteNames);
        Assert.Equal(sqliteNames, postgresNames);
    }

    [Fact]
    public async Task Each_provider_keeps_its_own_migration_set()
    {
        await using var sqlite = await FreshDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await using var postgres = await FreshDatabase.CreateAsync(TestDatabase.Postgres, migrate: false);
        await using var sqliteDb = sqlite.NewContext();
        await using var postgresDb = postgres.NewContext();

        var sqliteNamespaces = MigrationNamespaces(sqliteDb);
        var postgresNamespaces = MigrationNamespaces(postgresDb);

        Assert.Equal(["OpenCcs.Data.Migrations.Sqlite"], sqliteNamespaces);
        Assert.Equal(["OpenCcs.Data.Migrations.Postgres"], postgresNamespaces);
    }

    // Migration ids are "<timestamp>_<Name>"; the two sets are generated seconds apart, so compare names.
    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];

    private static string[] MigrationNamespaces(CcsDbContext db) =>
        db.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace ?? "").Distinct().ToArray();
}
