using Microsoft.EntityFrameworkCore;

namespace OpenCcs.Data;

public sealed class PostgresCcsDbContext(DbContextOptions<PostgresCcsDbContext> options) : CcsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    // timestamptz holds UTC natively; Npgsql insists on DateTimeKind.Utc, which every aggregate enforces.
    protected override void ConfigureInstants(ModelConfigurationBuilder builder)
    {
    }
}
