using Microsoft.EntityFrameworkCore;
using OpenCcs.Data;
using OpenCcs.Data.Seed;

namespace OpenCcs.Web;

public static class Startup
{
    /// <summary>Migrates the database, makes sure the roles exist and, where configured (Development), seeds demo data.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<CcsDbContext>>();
        var demo = app.Configuration.GetValue<bool>("Demo:Seed");
        if (demo && db.Provider == DatabaseProvider.Sqlite && await BuiltByAnotherSchemaAsync(db))
        {
            // Demo data only: a database holding migrations this build does not know cannot be migrated, so it starts over.
            logger.LogWarning("The demo database was created by a different build of OpenCCS; it is deleted and seeded again");
            await db.Database.EnsureDeletedAsync();
        }
        await DatabaseSetup.MigrateAsync(db);
        await RoleSeed.EnsureRolesAsync(db);
        if (demo)
        {
            var summary = await new DemoSeed(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).RunAsync();
            if (!summary.AlreadySeeded)
                logger.LogInformation("Seeded demo data: {Providers} providers, {Children} children, {Sars} SARs, {Accounts} accounts",
                    summary.Providers, summary.Children, summary.Sars, summary.Accounts);
        }
        logger.LogInformation("Database ready ({Provider})", db.Provider);
    }

    private static async Task<bool> BuiltByAnotherSchemaAsync(CcsDbContext db)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return (await db.Database.GetAppliedMigrationsAsync()).Any(id => !known.Contains(id));
    }
}
