using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCcs.Core.Children;

namespace OpenCcs.Data.Configurations;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> child)
    {
        child.ToTable("children");
        child.Property(c => c.Version).IsConcurrencyToken();
        child.OwnsOne(c => c.Name, name =>
        {
            name.Property(n => n.First).HasColumnName("first_name").HasMaxLength(100);
            name.Property(n => n.Last).HasColumnName("last_name").HasMaxLength(100);
        });
        child.Property(c => c.Cin).HasConversion(Conversions.Cin).HasMaxLength(9);
        child.HasIndex(c => c.Cin).IsUnique();
        child.Property(c => c.CountyOfResidence).HasConversion(Conversions.County);
        child.HasIndex(c => c.CountyOfResidence);
        child.OwnsMany(c => c.Guardians, g =>
        {
            g.ToTable("guardians");
            g.WithOwner().HasForeignKey("ChildId");
            g.HasKey(x => x.Id);
            g.OwnsOne(x => x.Name, name =>
            {
                name.Property(n => n.First).HasColumnName("first_name").HasMaxLength(100);
                name.Property(n => n.Last).HasColumnName("last_name").HasMaxLength(100);
            });
            g.Property(x => x.Relationship).HasMaxLength(60);
            g.Property(x => x.Phone).HasMaxLength(30);
            g.Property(x => x.AccountId).HasMaxLength(64);
            g.OwnsOne(x => x.Address, address =>
            {
                address.Property(a => a.Street).HasColumnName("address_street").HasMaxLength(200);
                address.Property(a => a.Unit).HasColumnName("address_unit").HasMaxLength(100);
                address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(100);
                address.Property(a => a.State).HasColumnName("address_state").HasMaxLength(2);
                address.Property(a => a.ZipCode).HasColumnName("address_zip").HasMaxLength(10);
            });
            g.HasIndex(x => x.AccountId);
        });
        child.Navigation(c => c.Guardians).UsePropertyAccessMode(PropertyAccessMode.Field);
        child.OwnsMany(c => c.CinHistory, cin =>
        {
            cin.ToTable("child_cins");
            cin.WithOwner().HasForeignKey("ChildId");
            cin.Property<int>("Id");
            cin.HasKey("Id");
            cin.Property(x => x.Cin).HasConversion(Conversions.Cin).HasMaxLength(9);
            // A CIN names one person: it is never another child's, before or after, and appears once in a history.
            cin.HasIndex(x => x.Cin).IsUnique();
            cin.Ignore(x => x.IsCurrent);
        });
        child.Navigation(c => c.CinHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
