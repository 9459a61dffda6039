using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCcs.Core.Providers;

namespace OpenCcs.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> provider)
    {
        provider.ToTable("providers");
        provider.Property(p => p.Version).IsConcurrencyToken();
        provider.Property(p => p.Npi).HasConversion(Conversions.Npi).HasMaxLength(10);
        provider.HasIndex(p => p.Npi).IsUnique();
        provider.Property(p => p.Name).HasMaxLength(200);
        provider.HasOne<ProviderOrganization>().WithMany().HasForeignKey(p => p.OrganizationId);
        provider.Ignore(p => p.IsFacility);
        provider.OwnsMany(p => p.PanelPeriods, period =>
        {
            period.ToTable("provider_panel_periods");
            period.WithOwner().HasForeignKey("ProviderId");
            period.Property<int>("Id");
            period.HasKey("Id");
        });
        provider.OwnsMany(p => p.Approvals, approval =>
        {
            approval.ToTable("facility_approvals");
            approval.WithOwner().HasForeignKey("ProviderId");
            approval.Property<int>("Id");
            approval.HasKey("Id");
            approval.Ignore(a => a.Period);
        });
        provider.Navigation(p => p.PanelPeriods).UsePropertyAccessMode(PropertyAccessMode.Field);
        provider.Navigation(p => p.Approvals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProviderOrganizationConfiguration : IEntityTypeConfiguration<ProviderOrganization>
{
    public void Configure(EntityTypeBuilder<ProviderOrganization> org)
    {
        org.ToTable("provider_organizations");
        org.Property(o => o.Version).IsConcurrencyToken();
        org.Property(o => o.Name).HasMaxLength(200);
    }
}
