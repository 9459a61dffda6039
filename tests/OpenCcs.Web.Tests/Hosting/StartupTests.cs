using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenCcs.Testing;

namespace OpenCcs.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Fresh_database_is_migrated_seeded_and_healthy(TestDatabase database)
    {
        using var app = new CcsApp(database);
        var client = app.CreateClient();

        var health = await client.GetAsync("/health");
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("California Children", home);
        var nurse = await app.ApiClientForRoleAsync(Roles.NurseCaseManager);
        var me = await nurse.GetFromJsonAsync<Dictionary<string, object>>("/api/v1/me");
        Assert.Equal("county-nurse", me!["role"].ToString());
    }

    [Fact]
    public async Task A_demo_database_from_another_build_is_recreated_and_seeded()
    {
        using var app = new CcsApp(TestDatabase.Sqlite);
        await using (var old = new SqliteConnection(app.ConnectionString))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__ef_migrations_history" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__ef_migrations_history" VALUES ('20200101000000_Initial', '10.0.0');
                CREATE TABLE children ("Id" TEXT PRIMARY KEY);
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        var health = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Sars.AnyAsync()));
    }

    [Fact]
    public async Task A_pooled_database_context_comes_back_from_the_pool_with_savepoints_on_and_nothing_tracked()
    {
        using var app = new CcsApp(TestDatabase.Sqlite, seed: false);
        OpenCcs.Data.CcsDbContext db;
        await using (var first = app.Scope())
        {
            db = first.ServiceProvider.GetRequiredService<OpenCcs.Data.CcsDbContext>();
            db.Database.AutoSavepointsEnabled = false; // as the SAR submission does for its single SaveChanges
            db.ProviderOrganizations.Add(OpenCcs.Core.Providers.ProviderOrganization.Create("Unsaved", CcsApp.Now.UtcDateTime));
        }

        await using var second = app.Scope();
        var reused = second.ServiceProvider.GetRequiredService<OpenCcs.Data.CcsDbContext>();

        Assert.Same(db, reused); // pooled: the next request gets the same context back
        Assert.True(reused.Database.AutoSavepointsEnabled);
        Assert.False(reused.ChangeTracker.HasChanges());
    }
}
