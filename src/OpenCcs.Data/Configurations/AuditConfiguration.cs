using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Data.Configurations;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("audit_events");
        audit.Property(a => a.UserId).HasMaxLength(64);
        audit.Property(a => a.UserName).HasMaxLength(256);
        audit.Property(a => a.Role).HasMaxLength(40);
        audit.Property(a => a.RecordType).HasMaxLength(60);
        audit.Property(a => a.RecordId).HasMaxLength(64);
        audit.Property(a => a.RequestId).HasMaxLength(100);
        audit.HasIndex(a => a.At);
        audit.HasIndex(a => new { a.ChildId, a.At });
        audit.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class SarNumberCounterConfiguration : IEntityTypeConfiguration<SarNumberCounter>
{
    public void Configure(EntityTypeBuilder<SarNumberCounter> counter)
    {
        counter.ToTable("sar_number_counters");
        counter.HasKey(c => c.CountyCode);
        counter.Property(c => c.CountyCode).ValueGeneratedNever();
        counter.Property(c => c.Version).IsConcurrencyToken();
    }
}
