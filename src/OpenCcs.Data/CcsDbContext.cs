using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Configurations;
using OpenCcs.Data.Identity;

namespace OpenCcs.Data;

/// <summary>
/// The one database of OpenCCS. Concrete subclasses exist per provider only so each keeps its own
/// migration set (<see cref="SqliteCcsDbContext"/>, <see cref="PostgresCcsDbContext"/>).
/// </summary>
public abstract class CcsDbContext(DbContextOptions options) : IdentityDbContext<CcsUser>(options), IDataProtectionKeyContext
{
    public DbSet<Child> Children => Set<Child>();

    public DbSet<ProviderOrganization> ProviderOrganizations => Set<ProviderOrganization>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<CcsCase> Cases => Set<CcsCase>();

    public DbSet<Sar> Sars => Set<Sar>();

    public DbSet<SarNumberCounter> SarNumberCounters => Set<SarNumberCounter>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored by name so the database reads plainly and reordering an enum cannot corrupt data.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        ConfigureInstants(builder);
    }

    /// <summary>How each provider stores UTC instants so that they sort and compare correctly.</summary>
    protected abstract void ConfigureInstants(ModelConfigurationBuilder builder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CcsDbContext).Assembly, t => t.Namespace == typeof(ChildConfiguration).Namespace);
        modelBuilder.Entity<CcsUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit events are append-only: they can be added, never changed or removed.");
            if (entry.Entity is AggregateRoot root && entry.State is EntityState.Added or EntityState.Modified)
                root.IncrementVersion();
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
