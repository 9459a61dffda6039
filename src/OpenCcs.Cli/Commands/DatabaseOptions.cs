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
    public CcsDbContext CreateContext(ParseResult parse)
    {
        try
        {
            return Create(parse);
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

    /// <summary>
    /// A plain ADO.NET connection to the same database as <see cref="CreateContext"/>, for commands that read in plain SQL
    /// without building the EF Core model. Call it after <see cref="CreateContext"/>, which validates the options.
    /// </summary>
    public DbConnection CreateConnection(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var cs = configuration.GetConnectionString("Ccs");
        return DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(cs)
            : new Microsoft.Data.Sqlite.SqliteConnection(DatabaseSetup.PrepareSqlite(cs));
    }

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
                DatabaseSetup.ConfigurePostgres(o, cs ?? throw new InvalidOperationException("Postgres needs --connection or ConnectionStrings__Ccs.")))),
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
