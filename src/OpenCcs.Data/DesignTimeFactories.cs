using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenCcs.Data;

// Used only by `dotnet ef migrations add`, which needs a context per provider to write each migration set.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCcsDbContext>
{
    public SqliteCcsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCcsDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteCcsDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCcsDbContext>
{
    public PostgresCcsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCcsDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=openccs_design");
        return new PostgresCcsDbContext(options.Options);
    }
}
