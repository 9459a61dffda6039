using Microsoft.EntityFrameworkCore;
using OpenCcs.Data;

namespace OpenCcs.Bench.Claims;

/// <summary>Creates (migrates) a bench database and stores a <see cref="BenchWorld"/> in it through EF Core.</summary>
internal static class BenchDatabase
{
    public static CcsDbContext Open(string provider, string connection)
    {
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var postgres = new DbContextOptionsBuilder<PostgresCcsDbContext>();
            DatabaseSetup.ConfigurePostgres(postgres, connection);
            return new PostgresCcsDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteCcsDbContext>();
        DatabaseSetup.ConfigureSqlite(sqlite, DatabaseSetup.PrepareSqlite(connection));
        return new SqliteCcsDbContext(sqlite.Options);
    }

    public static async Task StoreAsync(Func<CcsDbContext> open, BenchWorld world, Action<string> log)
    {
        await using (var db = open())
        {
            await DatabaseSetup.MigrateAsync(db);
            if (await db.Sars.AnyAsync())
            {
                throw new InvalidOperationException("The database already holds SARs; give the generator an empty one.");
            }

            db.ProviderOrganizations.AddRange(world.Organizations);
            db.Providers.AddRange(world.Providers);
            db.SarNumberCounters.AddRange(world.Counters.Select(c => new SarNumberCounter { CountyCode = c.Key, LastSequence = c.Value }));
            await db.SaveChangesAsync();
        }

        await InBatchesAsync(open, world.Children, (db, batch) => db.Children.AddRange(batch), "children", log);
        await InBatchesAsync(open, world.Cases, (db, batch) => db.Cases.AddRange(batch), "cases", log);
        await InBatchesAsync(open, world.Sars, (db, batch) => db.Sars.AddRange(batch), "SARs", log);
    }

    // A fresh context per batch keeps the change tracker small.
    private static async Task InBatchesAsync<T>(Func<CcsDbContext> open, List<T> items, Action<CcsDbContext, IEnumerable<T>> add, string what, Action<string> log)
    {
        const int batchSize = 2_000;
        for (var i = 0; i < items.Count; i += batchSize)
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            add(db, items.Skip(i).Take(batchSize));
            await db.SaveChangesAsync();
        }

        log($"  {items.Count:N0} {what}");
    }
}
