using Npgsql;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Testing;

public sealed class PostgresClusterTests
{
    [Fact]
    public async Task A_created_database_answers_queries()
    {
        var cluster = PostgresCluster.Shared;
        var connectionString = await cluster.CreateDatabaseAsync("cluster_smoke");
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select version()", connection);
            var version = (string?)await command.ExecuteScalarAsync();

            Assert.NotNull(version);
            Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
            Assert.Contains($"Port={cluster.Port};", connectionString, StringComparison.Ordinal);
            Assert.StartsWith("cluster_smoke_", connection.Database, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Two_databases_do_not_see_each_others_tables()
    {
        var cluster = PostgresCluster.Shared;
        await using var first = await cluster.CreateTemporaryDatabaseAsync("isolation");
        await using var second = await cluster.CreateTemporaryDatabaseAsync("isolation");
        Assert.NotEqual(first.Name, second.Name);

        await using (var connection = new NpgsqlConnection(first.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("create table marker (id int); insert into marker values (1);", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var connection = new NpgsqlConnection(second.ConnectionString))
        {
            await connection.OpenAsync();
            await using var lookup = new NpgsqlCommand("select to_regclass('public.marker') is null", connection);
            Assert.True((bool)(await lookup.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Dropping_a_database_closes_its_open_connections()
    {
        var cluster = PostgresCluster.Shared;
        var connectionString = await cluster.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
        }

        // The pooled connection above is still open on the server; the drop must not be blocked by it.
        await cluster.DropDatabaseAsync(name);

        await using var admin = new NpgsqlConnection(cluster.AdminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }
}
