using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OpenCcs.Data;

namespace OpenCcs.Cli.Commands;

/// <summary>
/// Options every database command shares. Values come from, in order of precedence: the options,
/// the environment (<c>Database__Provider</c>, <c>ConnectionStrings__Ccs</c>), then appsettings.json in the current folder.
/// </summary>
internal sealed class DatabaseOptions
{
    public Option<string?> Provider { get; } = new("--provider") { Description = "Sqlite (default) or Postgres." };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Connection string; defaults to the SQLite file data/openccs.db." };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <exception cref="UsageException">The provider is unknown or the connection string is missing or malformed.</exception>
    public CcsDbContext CreateContext(ParseResult parse) => Validated(() => Create(parse));

    /// <summary>
    /// A plain ADO.NET connection (not yet open) to the same database as <see cref="CreateContext"/>, for commands that
    /// read in plain SQL: building a context would load the EF Core model and its services for nothing.
    /// </summary>
    /// <exception cref="UsageException">The provider is unknown or the connection string is missing or malformed.</exception>
    public (DbConnection Connection, DatabaseProvider Provider) CreateConnection(ParseResult parse) => Validated(() =>
    {
        var configuration = Configuration(parse);
        var cs = configuration.GetConnectionString("Ccs");
        return DatabaseSetup.ProviderFrom(configuration) switch
        {
            DatabaseProvider.Postgres => ((DbConnection)new Npgsql.NpgsqlConnection(RequirePostgres(cs)), DatabaseProvider.Postgres),
            _ => (new Microsoft.Data.Sqlite.SqliteConnection(DatabaseSetup.PrepareSqlite(cs)), DatabaseProvider.Sqlite),
        };
    });

    private static T Validated<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"The connection string is not valid: {e.Message}", e);
        }
    }

    private static string RequirePostgres(string? cs) =>
        string.IsNullOrWhiteSpace(cs) ? throw new InvalidOperationException("Postgres needs --connection or ConnectionStrings__Ccs.") : cs;

    private IConfiguration Configuration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider) overrides["Database:Provider"] = provider;
        if (parse.GetValue(Connection) is { } connection) overrides["ConnectionStrings:Ccs"] = connection;
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    private CcsDbContext Create(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var cs = configuration.GetConnectionString("Ccs");
        return DatabaseSetup.ProviderFrom(configuration) switch
        {
            DatabaseProvider.Postgres => new PostgresCcsDbContext(Build<PostgresCcsDbContext>(o =>
                DatabaseSetup.ConfigurePostgres(o, RequirePostgres(cs)))),
            _ => new SqliteCcsDbContext(Build<SqliteCcsDbContext>(o => DatabaseSetup.ConfigureSqlite(o, DatabaseSetup.PrepareSqlite(cs)))),
        };
    }

    private static DbContextOptions<T> Build<T>(Action<DbContextOptionsBuilder> configure) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }
}
