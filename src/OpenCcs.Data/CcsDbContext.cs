using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Configurations;
using OpenCcs.Data.Documents;
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

    public DbSet<EmergencyAdmission> EmergencyAdmissions => Set<EmergencyAdmission>();

    public DbSet<SarDocument> SarDocuments => Set<SarDocument>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<MailingBatch> MailingBatches => Set<MailingBatch>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

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
        var entries = ChangeTracker.Entries().ToList();
        var changed = new HashSet<AggregateRoot>(ReferenceEqualityComparer.Instance);
        Dictionary<(IEntityType, object), EntityEntry>? byKey = null;
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit events are append-only: they can be added, never changed or removed.");
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is AggregateRoot root)
            {
                if (entry.State != EntityState.Deleted) changed.Add(root);
            }
            else if (entry.Metadata.IsOwned() && AggregateOf(entry, byKey ??= ByKey(entries)) is { } owner && Entry(owner).State != EntityState.Deleted)
            {
                // A new guardian, line or history step changes its aggregate even when the aggregate's own columns
                // are unchanged (Touch at the same instant), so the save must still check and bump its version.
                changed.Add(owner);
            }
        }
        foreach (var root in changed) root.IncrementVersion();
    }

    private static Dictionary<(IEntityType, object), EntityEntry> ByKey(List<EntityEntry> entries)
    {
        var byKey = new Dictionary<(IEntityType, object), EntityEntry>();
        foreach (var entry in entries)
            if (entry.Metadata.FindPrimaryKey() is { Properties: [var key] } && entry.Property(key.Name).CurrentValue is { } value)
                byKey.TryAdd((entry.Metadata, value), entry);
        return byKey;
    }

    /// <summary>The aggregate an owned part belongs to, following its ownership keys up through any owned levels between.</summary>
    private static AggregateRoot? AggregateOf(EntityEntry part, Dictionary<(IEntityType, object), EntityEntry> byKey)
    {
        var entry = part;
        while (entry.Entity is not AggregateRoot)
        {
            if (entry.Metadata.FindOwnership() is not { Properties: [var foreignKey] } ownership) return null;
            var property = entry.Property(foreignKey.Name);
            var ownerKey = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
            if (ownerKey is null || !byKey.TryGetValue((ownership.PrincipalEntityType, ownerKey), out var owner)) return null;
            entry = owner;
        }
        return (AggregateRoot)entry.Entity;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
