using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Migrations;

public sealed class MigrationTests
{
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
