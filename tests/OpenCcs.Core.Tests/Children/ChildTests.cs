using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Children;

public class ChildTests
{
    private static readonly CountyCode Fresno = CountyCode.From(10);

    private static Child Register(string dateOfBirth = "2015-06-15", Cin? cin = null) =>
        Child.Register(new PersonName("Maya", "Lopez"), Instants.Day(dateOfBirth), cin, Fresno, Language.Spanish, Instants.Monday);

    [Fact]
    public void Registered_child_keeps_what_the_county_entered()
    {
        var cin = Cin.Parse("91234567A");

        var child = Register("2015-06-15", cin);

        Assert.Equal("Maya Lopez", child.Name.Full);
        Assert.Equal(Instants.Day("2015-06-15"), child.DateOfBirth);
        Assert.Equal(cin, child.Cin);
        Assert.Equal(Fresno, child.CountyOfResidence);
        Assert.Equal(Language.Spanish, child.Language);
        Assert.Empty(child.Guardians);
        Assert.Equal(Instants.Monday, child.CreatedAt);
        Assert.Equal(Instants.Monday, child.UpdatedAt);
    }

    [Fact]
    public void Child_without_medi_cal_is_registered_without_a_cin()
    {
        Assert.Null(Register(cin: null).Cin);
    }

    [Fact]
    public void Child_born_today_can_be_registered()
    {
        var child = Register(Instants.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, child.AgeOn(Instants.Today));
    }

    [Fact]
    public void Date_of_birth_in_the_future_is_refused()
    {
        var tomorrow = Instants.Today.AddDays(1);

        var error = Rules.Refused("child.birth-in-future",
            () => Child.Register(new PersonName("Maya", "Lopez"), tomorrow, null, Fresno, Language.English, Instants.Monday));

        Assert.Contains("2026-03-03", error.Message);
        Assert.Contains("future", error.Message);
    }

    [Fact]
    public void Child_without_a_county_of_residence_is_refused()
    {
        var error = Rules.Refused("child.county-required",
            () => Child.Register(new PersonName("Maya", "Lopez"), Instants.Day("2015-06-15"), null, default, Language.English, Instants.Monday));

        Assert.Contains("county of residence", error.Message);
    }

    [Fact]
    public void Registration_time_must_be_utc()
    {
        var local = DateTime.SpecifyKind(Instants.Monday, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(
            () => Child.Register(new PersonName("Maya", "Lopez"), Instants.Day("2015-06-15"), null, Fresno, Language.English, local));
    }

    [Theory]
    [InlineData("2015-06-15", "2015-06-15", 0)]
    [InlineData("2015-06-15", "2016-06-14", 0)]
    [InlineData("2015-06-15", "2016-06-15", 1)]
    [InlineData("2015-06-15", "2026-03-02", 10)]
    [InlineData("2015-12-31", "2016-01-01", 0)]
    [InlineData("2005-06-15", "2026-06-14", 20)]
    [InlineData("2005-06-15", "2026-06-15", 21)]
    public void Age_counts_birthdays_passed_on_the_date(string dateOfBirth, string on, int expected)
    {
        var child = Register(dateOfBirth);

        Assert.Equal(expected, child.AgeOn(Instants.Day(on)));
    }

    [Fact]
    public void Young_adult_is_under_the_age_limit_on_the_day_before_the_21st_birthday()
    {
        var child = Register("2005-06-15");

        Assert.True(child.IsUnderAgeLimitOn(Instants.Day("2026-06-14")));
    }

    [Fact]
    public void Young_adult_is_no_longer_under_the_age_limit_on_the_21st_birthday()
    {
        var child = Register("2005-06-15");

        Assert.False(child.IsUnderAgeLimitOn(Instants.Day("2026-06-15")));
        Assert.False(child.IsUnderAgeLimitOn(Instants.Day("2030-01-01")));
    }

    [Fact]
    public void Guardians_are_listed_in_the_order_they_were_added()
    {
        var child = Register();

        child.AddGuardian(new PersonName("Ana", "Lopez"), "Mother", "559-555-0101", "account-ana", Instants.Later(1));
        child.AddGuardian(new PersonName("Luis", "Lopez"), " Father ", null, null, Instants.Later(2));

        Assert.Equal(["Ana Lopez", "Luis Lopez"], child.Guardians.Select(g => g.Name.Full));
        Assert.Equal(["Mother", "Father"], child.Guardians.Select(g => g.Relationship));
        Assert.Equal("559-555-0101", child.Guardians[0].Phone);
        Assert.Equal("account-ana", child.Guardians[0].AccountId);
        Assert.Null(child.Guardians[1].AccountId);
    }

    [Fact]
    public void Same_family_account_cannot_be_added_as_a_guardian_twice()
    {
        var child = Register();
        child.AddGuardian(new PersonName("Ana", "Lopez"), "Mother", null, "account-ana", Instants.Later(1));

        var error = Rules.Refused("child.guardian-duplicate",
            () => child.AddGuardian(new PersonName("Ana", "Lopez"), "Legal guardian", null, "account-ana", Instants.Later(2)));

        Assert.Contains("already a guardian", error.Message);
        Assert.Single(child.Guardians);
    }

    [Fact]
    public void Several_guardians_without_a_family_account_may_be_added()
    {
        var child = Register();

        child.AddGuardian(new PersonName("Ana", "Lopez"), "Mother", null, null, Instants.Later(1));
        child.AddGuardian(new PersonName("Rosa", "Diaz"), "Grandmother", null, null, Instants.Later(2));

        Assert.Equal(2, child.Guardians.Count);
    }

    [Fact]
    public void Guardian_must_say_how_they_are_related_to_the_child()
    {
        var child = Register();

        var error = Rules.Refused("guardian.relationship-required",
            () => child.AddGuardian(new PersonName("Ana", "Lopez"), " ", null, "account-ana", Instants.Later(1)));

        Assert.Contains("related", error.Message);
        Assert.Empty(child.Guardians);
        Assert.False(child.IsGuardedBy("account-ana"));
    }

    [Fact]
    public void Child_is_guarded_only_by_the_accounts_of_its_guardians()
    {
        var child = Register();
        child.AddGuardian(new PersonName("Ana", "Lopez"), "Mother", null, "account-ana", Instants.Later(1));

        Assert.True(child.IsGuardedBy("account-ana"));
        Assert.False(child.IsGuardedBy("account-someone-else"));
    }

    [Fact]
    public void Child_moving_county_changing_language_or_getting_a_cin_is_recorded()
    {
        var child = Register(cin: null);
        var cin = Cin.Parse("98765432Z");
        var sanDiego = CountyCode.From(37);

        child.AssignCin(cin, Instants.Today, Instants.Later(1));
        child.MoveTo(sanDiego, Instants.Later(2));
        child.PreferLanguage(Language.English, Instants.Later(3));

        Assert.Equal(cin, child.Cin);
        Assert.Equal(sanDiego, child.CountyOfResidence);
        Assert.Equal(Language.English, child.Language);
    }
}
