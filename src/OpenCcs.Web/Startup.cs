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
        await DatabaseSetup.MigrateAsync(db);
        await RoleSeed.EnsureRolesAsync(db);
        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            var summary = await new DemoSeed(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).RunAsync();
            if (!summary.AlreadySeeded)
                logger.LogInformation("Seeded demo data: {Providers} providers, {Children} children, {Sars} SARs, {Accounts} accounts",
                    summary.Providers, summary.Children, summary.Sars, summary.Accounts);
        }
        logger.LogInformation("Database ready ({Provider})", db.Provider);
    }
}
