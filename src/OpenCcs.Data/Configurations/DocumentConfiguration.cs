using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Children;
using OpenCcs.Data.Documents;

namespace OpenCcs.Data.Configurations;

internal sealed class SarDocumentConfiguration : IEntityTypeConfiguration<SarDocument>
{
    public void Configure(EntityTypeBuilder<SarDocument> document)
    {
        document.ToTable("sar_documents");
        document.Property(d => d.FileName).HasMaxLength(255);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.UploadedBy).HasMaxLength(64);
        document.HasOne<Sar>().WithMany().HasForeignKey(d => d.SarId);
        document.HasIndex(d => d.SarId);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.ToTable("notices");
        notice.Property(n => n.Title).HasMaxLength(200);
        notice.HasOne<Child>().WithMany().HasForeignKey(n => n.ChildId);
        notice.HasOne<Sar>().WithMany().HasForeignKey(n => n.SarId);
        notice.HasOne<MailingBatch>().WithMany().HasForeignKey(n => n.MailingBatchId);
        notice.HasIndex(n => new { n.ChildId, n.CreatedAt });
        notice.HasIndex(n => new { n.CountyCode, n.MailingBatchId, n.ForFamily });
    }
}

internal sealed class MailingBatchConfiguration : IEntityTypeConfiguration<MailingBatch>
{
    public void Configure(EntityTypeBuilder<MailingBatch> batch)
    {
        batch.ToTable("mailing_batches");
        batch.Property(b => b.CreatedBy).HasMaxLength(64);
        batch.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.ToTable("idempotent_requests");
        request.HasKey(r => new { r.UserId, r.Key });
        request.Property(r => r.UserId).HasMaxLength(64);
        request.Property(r => r.Key).HasMaxLength(100);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.Property(r => r.ResourceId).HasMaxLength(64);
    }
}
