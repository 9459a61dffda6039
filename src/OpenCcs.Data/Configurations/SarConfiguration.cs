using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Children;
using OpenCcs.Core.Providers;

namespace OpenCcs.Data.Configurations;

internal sealed class SarConfiguration : IEntityTypeConfiguration<Sar>
{
    public void Configure(EntityTypeBuilder<Sar> sar)
    {
        sar.ToTable("sars");
        sar.Property(s => s.Version).IsConcurrencyToken();
        sar.Property(s => s.Number).HasConversion(Conversions.SarNumber).HasMaxLength(11);
        sar.HasIndex(s => s.Number).IsUnique();
        sar.Property(s => s.ExtendsNumber).HasConversion(Conversions.SarNumber).HasMaxLength(11);
        sar.Property(s => s.County).HasConversion(Conversions.County);
        sar.Property(s => s.DiagnosisCode).HasMaxLength(10);
        sar.Property(s => s.ExpeditedReason).HasMaxLength(1000);
        sar.Property(s => s.DecisionReason).HasMaxLength(2000);
        sar.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId);
        sar.HasOne<Provider>().WithMany().HasForeignKey(s => s.RequestingProviderId);
        sar.HasOne<Provider>().WithMany().HasForeignKey(s => s.FacilityId);
        sar.HasIndex(s => new { s.County, s.Status, s.ReceivedAt });
        sar.HasIndex(s => new { s.RequestingProviderId, s.ReceivedAt });
        sar.Ignore(s => s.IsDecided);
        sar.Ignore(s => s.IsPending);
        sar.Ignore(s => s.StatusReason);
        sar.Ignore(s => s.ClockStartedAt);
        sar.Property(s => s.Flags).HasMaxLength(300);
        sar.Property(s => s.ScgCode).HasMaxLength(2);
        sar.Property(s => s.IscdCoverSheetId).HasMaxLength(64);
        sar.Property(s => s.IscdCategoryId).HasMaxLength(64);
        sar.HasOne<Provider>().WithMany().HasForeignKey(s => s.AuthorizedProviderId);
        sar.HasIndex(s => new { s.IscdQueue, s.Status });
        sar.OwnsMany(s => s.Lines, line =>
        {
            line.ToTable("sar_lines");
            line.WithOwner().HasForeignKey("SarId");
            line.Property<int>("Id");
            line.HasKey("Id");
            line.Property(l => l.Code).HasMaxLength(20);
            line.Property(l => l.Description).HasMaxLength(500);
            line.Property(l => l.Frequency).HasMaxLength(100);
            line.Property(l => l.BrandNameJustification).HasMaxLength(2000);
            line.Ignore(l => l.ServiceCode);
            line.Ignore(l => l.Label);
        });
        sar.OwnsMany(s => s.History, step =>
        {
            step.ToTable("sar_transitions");
            step.WithOwner().HasForeignKey("SarId");
            step.Property<int>("Id");
            step.HasKey("Id");
            step.Property(t => t.ActorId).HasMaxLength(64);
            step.Property(t => t.Reason).HasMaxLength(2000);
        });
        sar.Navigation(s => s.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        sar.Navigation(s => s.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EmergencyAdmissionConfiguration : IEntityTypeConfiguration<EmergencyAdmission>
{
    public void Configure(EntityTypeBuilder<EmergencyAdmission> admission)
    {
        admission.ToTable("emergency_admissions");
        admission.Property(a => a.Version).IsConcurrencyToken();
        admission.Property(a => a.County).HasConversion(Conversions.County);
        admission.Property(a => a.HospitalName).HasMaxLength(200);
        admission.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId);
        admission.HasOne<Provider>().WithMany().HasForeignKey(a => a.TransferredToHospitalId);
        admission.Ignore(a => a.DocumentationReceived);
        admission.Ignore(a => a.AwaitingTransfer);
        admission.HasIndex(a => new { a.County, a.TransferredAt });
    }
}
