using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;

namespace OpenCcs.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CcsCase>
{
    public void Configure(EntityTypeBuilder<CcsCase> ccsCase)
    {
        ccsCase.ToTable("cases");
        ccsCase.Property(c => c.Version).IsConcurrencyToken();
        ccsCase.Property(c => c.County).HasConversion(Conversions.County);
        ccsCase.Property(c => c.DiagnosisCode).HasMaxLength(10);
        ccsCase.Property(c => c.ClosureReason).HasMaxLength(1000);
        ccsCase.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId);
        ccsCase.HasIndex(c => new { c.County, c.Status });
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("referrals");
        referral.Property(r => r.Version).IsConcurrencyToken();
        referral.Property(r => r.County).HasConversion(Conversions.County);
        referral.Property(r => r.ReferrerName).HasMaxLength(200);
        referral.Property(r => r.SuspectedCondition).HasMaxLength(2000);
        referral.Property(r => r.DiagnosisCode).HasMaxLength(10);
        referral.Property(r => r.DeclineReason).HasMaxLength(1000);
        referral.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        referral.HasOne<Provider>().WithMany().HasForeignKey(r => r.ReferringProviderId);
        referral.HasOne<CcsCase>().WithMany().HasForeignKey(r => r.CaseId);
        referral.HasIndex(r => new { r.County, r.Status, r.ReceivedAt });
    }
}
