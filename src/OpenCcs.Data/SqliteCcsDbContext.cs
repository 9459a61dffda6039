using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenCcs.Data;

public sealed class SqliteCcsDbContext(DbContextOptions<SqliteCcsDbContext> options) : CcsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // SQLite has no instant type: a fixed-width ISO 8601 text in UTC sorts and compares as time does.
    protected override void ConfigureInstants(ModelConfigurationBuilder builder) =>
        builder.Properties<DateTime>().HaveConversion<FixedWidthUtcConverter>();

    private sealed class FixedWidthUtcConverter() : ValueConverter<DateTime, string>(
        v => v.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        v => DateTime.SpecifyKind(DateTime.ParseExact(v, "yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture), DateTimeKind.Utc));
}
