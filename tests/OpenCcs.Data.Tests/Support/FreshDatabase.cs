using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Support;

/// <summary>
/// An empty database of its own for one test: a temporary SQLite file, or a new database in the shared
/// throwaway PostgreSQL cluster. Contexts are built the way the application builds them
/// (<see cref="DatabaseSetup.ConfigureSqlite"/>, <see cref="DatabaseSetup.ConfigurePostgres"/>).
/// </summary>
public sealed class FreshDatabase : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;
    private readonly string? _sqliteFile;

    private FreshDatabase(TestDatabase provider, PostgresTestDatabase? postgres, string? sqliteFile)
    {
        Provider = provider;
        _postgres = postgres;
        _sqliteFile = sqliteFile;
        ConnectionString = postgres?.ConnectionString ?? DatabaseSetup.PrepareSqlite($"Data Source={sqliteFile}");
    }

    public TestDatabase Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database and, unless told not to, applies every migration.</summary>
    public static async Task<FreshDatabase> CreateAsync(TestDatabase provider, bool migrate = true)
    {
        var database = provider == TestDatabase.Postgres
            ? new FreshDatabase(provider, await PostgresCluster.Shared.CreateTemporaryDatabaseAsync("data"), null)
            : new FreshDatabase(provider, null, Path.Combine(Path.GetTempPath(), $"openccs-data-test-{Guid.NewGuid():N}.db"));
        if (migrate)
        {
            await using var db = database.NewContext();
            await DatabaseSetup.MigrateAsync(db);
        }
        return database;
    }

    /// <summary>A new context on this database: its own change tracker, as a second user or request would have.</summary>
    public CcsDbContext NewContext(params IInterceptor[] interceptors)
    {
        if (Provider == TestDatabase.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresCcsDbContext>();
            DatabaseSetup.ConfigurePostgres(postgres, ConnectionString);
            postgres.AddInterceptors(interceptors);
            return new PostgresCcsDbContext(postgres.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteCcsDbContext>();
        DatabaseSetup.ConfigureSqlite(sqlite, ConnectionString);
        sqlite.AddInterceptors(interceptors);
        return new SqliteCcsDbContext(sqlite.Options);
    }

    /// <summary>Adds the entities in one context and saves them.</summary>
    public async Task AddAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// How finely an instant survives a round trip: SQLite keeps every 100 ns tick (fixed-width text),
    /// PostgreSQL's timestamptz keeps microseconds and Npgsql drops the rest.
    /// </summary>
    public TimeSpan InstantPrecision => Provider == TestDatabase.Postgres ? TimeSpan.FromMicroseconds(1) : TimeSpan.FromTicks(1);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_sqliteFile is null) return;
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            File.Delete(file);
    }
}
