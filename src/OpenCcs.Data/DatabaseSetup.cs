using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OpenCcs.Data;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> = <c>Sqlite</c> (default) or <c>Postgres</c>,
/// with the connection string <c>ConnectionStrings:Ccs</c>. SQLite defaults to a file under ./data/.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/openccs.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{name}' is not known; use Sqlite or Postgres.");
    }

    public static IServiceCollection AddCcsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connection = configuration.GetConnectionString("Ccs");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Ccs is empty; set it to an Npgsql connection string.");
                // Pooled: a request reuses a context instead of building one (EF Core resets its state on return).
                services.AddDbContextPool<CcsDbContext, PostgresCcsDbContext>(o => ConfigurePostgres(o, connection));
                break;
            default:
                var sqlite = PrepareSqlite(connection);
                services.AddDbContextPool<CcsDbContext, SqliteCcsDbContext>(o => ConfigureSqlite(o, sqlite));
                break;
        }
        return services;
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connection) =>
        options.UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connection) =>
        options.UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"));

    /// <summary>Creates the folder a SQLite file lives in, so a fresh clone starts without set-up.</summary>
    public static string PrepareSqlite(string? connection)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never block the writer.</summary>
    public static async Task MigrateAsync(CcsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
