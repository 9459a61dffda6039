using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>
/// A database for one test that does not exist yet (SQLite: a file in a folder not yet created) or is empty
/// (PostgreSQL: a new database in the shared throwaway cluster), with the options that point <c>ccs</c> at it.
/// </summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;
    private readonly string? _sqliteFolder;

    private CliDatabase(TestDatabase provider, PostgresTestDatabase? postgres, string? sqliteFolder)
    {
        Provider = provider;
        _postgres = postgres;
        _sqliteFolder = sqliteFolder;
        ConnectionString = postgres?.ConnectionString ?? $"Data Source={Path.Combine(sqliteFolder!, "data", "openccs.db")}";
    }

    public TestDatabase Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The options naming this database: <c>--provider … --connection …</c>.</summary>
    public string[] Options => ["--provider", Provider.ToString(), "--connection", ConnectionString];

    public static async Task<CliDatabase> CreateAsync(TestDatabase provider) =>
        provider == TestDatabase.Postgres
            ? new CliDatabase(provider, await PostgresCluster.Shared.CreateTemporaryDatabaseAsync("cli"), null)
            : new CliDatabase(provider, null, Path.Combine(Path.GetTempPath(), $"openccs-cli-test-{Guid.NewGuid():N}"));

    /// <summary>A context on the database, for checking what a command did.</summary>
    public CcsDbContext NewContext()
    {
        if (Provider == TestDatabase.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresCcsDbContext>();
            DatabaseSetup.ConfigurePostgres(postgres, ConnectionString);
            return new PostgresCcsDbContext(postgres.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteCcsDbContext>();
        DatabaseSetup.ConfigureSqlite(sqlite, ConnectionString);
        return new SqliteCcsDbContext(sqlite.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_sqliteFolder is null) return;
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteFolder)) Directory.Delete(_sqliteFolder, recursive: true);
    }
}
