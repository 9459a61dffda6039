using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Identity;
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
}
