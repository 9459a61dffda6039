using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Tests.Common;

public class PostalAddressTests
{
    [Fact]
    public void Address_prints_as_on_an_envelope_with_the_unit_on_its_own_line()
    {
        var address = new PostalAddress(" 2450 East Olive Avenue ", "Apt 12", "Fresno", "ca", "93701");

        Assert.Equal(["2450 East Olive Avenue", "Apt 12", "Fresno, CA 93701"], address.Lines());
    }

    [Fact]
    public void Address_without_a_unit_has_three_parts_and_zip_plus_four_is_accepted()
    {
        var address = new PostalAddress("1400 West Temple Street", " ", "Los Angeles", "CA", "90026-1234");

        Assert.Null(address.Unit);
        Assert.Equal(["1400 West Temple Street", "Los Angeles, CA 90026-1234"], address.Lines());
    }

    [Theory]
    [InlineData("", "Fresno", "CA", "93701", "address.street-required")]
    [InlineData("1 Main St", " ", "CA", "93701", "address.city-required")]
    [InlineData("1 Main St", "Fresno", "California", "93701", "address.state-invalid")]
    [InlineData("1 Main St", "Fresno", "C1", "93701", "address.state-invalid")]
    [InlineData("1 Main St", "Fresno", "CA", "9370", "address.zip-invalid")]
    [InlineData("1 Main St", "Fresno", "CA", "93701 1234", "address.zip-invalid")]
    [InlineData("1 Main St", "Fresno", "CA", "9370A", "address.zip-invalid")]
    public void Incomplete_or_malformed_address_is_refused_naming_the_part(string street, string city, string state, string zip, string rule) =>
        Rules.Refused(rule, () => new PostalAddress(street, null, city, state, zip));

    [Fact]
    public void Notices_go_to_the_first_guardian_with_an_address_and_follow_a_move()
    {
        var child = Child.Register(new PersonName("Maya", "Lopez"), Instants.Day("2015-06-15"), null, CountyCode.From(10), Language.Spanish, Instants.Monday);
        child.AddGuardian(new PersonName("Luis", "Lopez"), "Father", null, null, Instants.Monday);
        Assert.Null(child.NoticeRecipient());

        var mother = child.AddGuardian(new PersonName("Ana", "Lopez"), "Mother", null, null, Instants.Monday,
            new PostalAddress("2450 East Olive Avenue", null, "Fresno", "CA", "93701"));
        Assert.Same(mother, child.NoticeRecipient());

        child.ChangeGuardianAddress(mother, new PostalAddress("88 Shaw Avenue", "Unit B", "Clovis", "CA", "93612"), Instants.Monday.AddDays(1));

        Assert.Equal("Clovis", child.NoticeRecipient()!.Address!.City);
        Assert.Equal(Instants.Monday.AddDays(1), child.UpdatedAt);
    }

    [Fact]
    public void Only_the_childs_own_guardian_can_be_given_an_address()
    {
        var child = Child.Register(new PersonName("Maya", "Lopez"), Instants.Day("2015-06-15"), null, CountyCode.From(10), Language.Spanish, Instants.Monday);
        var other = Child.Register(new PersonName("Leo", "Diaz"), Instants.Day("2016-01-02"), null, CountyCode.From(10), Language.English, Instants.Monday);
        var stranger = other.AddGuardian(new PersonName("Rita", "Diaz"), "Mother", null, null, Instants.Monday);

        Rules.Refused("child.guardian-unknown",
            () => child.ChangeGuardianAddress(stranger, new PostalAddress("1 Main St", null, "Fresno", "CA", "93701"), Instants.Monday));
    }
}

public class PostalAddressCheckTests
{
    [Fact]
    public void Check_reports_every_missing_or_malformed_part_at_once_by_field()
    {
        var problems = PostalAddress.Check(" ", null, "Calif", "123");

        Assert.Equal(["street", "city", "state", "zipCode"], problems.Select(p => p.Field));
        Assert.Equal(["address.street-required", "address.city-required", "address.state-invalid", "address.zip-invalid"], problems.Select(p => p.Rule));
    }

    [Fact]
    public void Check_finds_nothing_wrong_with_a_complete_address() =>
        Assert.Empty(PostalAddress.Check("1 Main St", "Fresno", "ca", "93701"));
}
