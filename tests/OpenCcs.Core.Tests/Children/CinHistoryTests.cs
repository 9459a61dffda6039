using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Children;

/// <summary>A child keeps every CIN it has had, so a claim is checked against the CIN of its date of service.</summary>
public class CinHistoryTests
{
    private static readonly Cin First = Cin.Parse("91234567A");
    private static readonly Cin Second = Cin.Parse("97654321B");
    private static readonly Cin Third = Cin.Parse("95555555C");

    private static Child Register(Cin? cin) =>
        Child.Register(new PersonName("Maya", "Lopez"), Instants.Day("2015-06-15"), cin, CountyCode.From(10), Language.Spanish, Instants.Monday);

    private static string[] History(Child child) => child.CinHistory.Select(c => c.ToString()).ToArray();

    [Fact]
    public void Cin_known_at_registration_covers_every_date_until_it_is_replaced()
    {
        var child = Register(First);

        Assert.Equal(["91234567A, current"], History(child));
        Assert.Equal(First, child.CinOn(Instants.Day("2015-06-15")));
        Assert.Equal(First, child.CinOn(Instants.Day("2030-01-01")));
    }

    [Fact]
    public void New_cin_covers_from_its_effective_date_and_the_former_cin_up_to_the_day_before()
    {
        var child = Register(First);

        child.AssignCin(Second, Instants.Day("2026-02-01"), Instants.Later(1));

        Assert.Equal(Second, child.Cin);
        Assert.Equal(["91234567A until 2026-01-31", "97654321B from 2026-02-01, current"], History(child));
        Assert.Equal(First, child.CinOn(Instants.Day("2026-01-31")));
        Assert.Equal(Second, child.CinOn(Instants.Day("2026-02-01")));
        Assert.Equal(Second, child.CinOn(Instants.Day("2027-01-01")));
        Assert.Equal(Instants.Later(1), child.UpdatedAt);
    }

    [Fact]
    public void Each_new_cin_closes_the_one_before_it()
    {
        var child = Register(First);

        child.AssignCin(Second, Instants.Day("2025-07-01"), Instants.Later(1));
        child.AssignCin(Third, Instants.Day("2026-01-15"), Instants.Later(2));

        Assert.Equal(Third, child.Cin);
        Assert.Equal(
            ["91234567A until 2025-06-30", "97654321B from 2025-07-01 to 2026-01-14", "95555555C from 2026-01-15, current"],
            History(child));
        Assert.Equal(Second, child.CinOn(Instants.Day("2026-01-14")));
        Assert.Equal(Third, child.CinOn(Instants.Day("2026-01-15")));
    }

    [Fact]
    public void Child_without_medi_cal_has_no_cin_on_any_date()
    {
        var child = Register(null);

        Assert.Empty(child.CinHistory);
        Assert.Null(child.CinOn(Instants.Today));
    }

    [Fact]
    public void First_cin_of_a_child_without_one_covers_only_from_its_effective_date()
    {
        var child = Register(null);

        child.AssignCin(First, Instants.Day("2026-01-10"), Instants.Later(1));

        Assert.Equal(First, child.Cin);
        Assert.Equal(["91234567A from 2026-01-10, current"], History(child));
        Assert.Null(child.CinOn(Instants.Day("2026-01-09")));
        Assert.Equal(First, child.CinOn(Instants.Day("2026-01-10")));
    }

    [Theory]
    [InlineData("2025-07-01")]
    [InlineData("2025-06-30")]
    public void New_cin_cannot_take_effect_on_or_before_the_day_the_current_cin_did(string effectiveFrom)
    {
        var child = Register(First);
        child.AssignCin(Second, Instants.Day("2025-07-01"), Instants.Later(1));

        var error = Rules.Refused("child.cin-starts-before-current",
            () => child.AssignCin(Third, Instants.Day(effectiveFrom), Instants.Later(2)));

        Assert.Contains("after 2025-07-01", error.Message);
        Assert.Equal(Second, child.Cin);
        Assert.Equal(["91234567A until 2025-06-30", "97654321B from 2025-07-01, current"], History(child));
        Assert.Equal(Instants.Later(1), child.UpdatedAt);
    }

    [Fact]
    public void Assigning_the_cin_the_child_already_has_is_refused()
    {
        var child = Register(First);

        var error = Rules.Refused("child.cin-unchanged", () => child.AssignCin(First, Instants.Day("2026-02-01"), Instants.Later(1)));

        Assert.Contains("already the child's current CIN", error.Message);
        Assert.Equal(["91234567A, current"], History(child));
        Assert.Equal(Instants.Monday, child.UpdatedAt);
    }

    [Fact]
    public void Replaced_cin_cannot_become_the_current_cin_again()
    {
        var child = Register(First);
        child.AssignCin(Second, Instants.Day("2026-02-01"), Instants.Later(1));

        var error = Rules.Refused("child.cin-replaced-before", () => child.AssignCin(First, Instants.Day("2026-03-01"), Instants.Later(2)));

        Assert.Contains("until 2026-01-31", error.Message);
        Assert.Equal(Second, child.Cin);
        Assert.Equal(2, child.CinHistory.Count);
    }

    [Fact]
    public void New_cin_cannot_take_effect_in_the_future()
    {
        var child = Register(First);

        var error = Rules.Refused("child.cin-effective-in-future", () => child.AssignCin(Second, Instants.Today.AddDays(1), Instants.Later(1)));

        Assert.Contains("2026-03-03", error.Message);
        Assert.Equal(First, child.Cin);
        Assert.True(Assert.Single(child.CinHistory).IsCurrent);
    }

    [Fact]
    public void New_cin_may_take_effect_today()
    {
        var child = Register(First);

        child.AssignCin(Second, Instants.Today, Instants.Later(1));

        Assert.Equal(Second, child.CinOn(Instants.Today));
        Assert.Equal(First, child.CinOn(Instants.Today.AddDays(-1)));
    }

    [Fact]
    public void New_cin_cannot_take_effect_before_the_child_was_born()
    {
        var child = Register(null);

        var error = Rules.Refused("child.cin-before-birth", () => child.AssignCin(First, Instants.Day("2015-06-14"), Instants.Later(1)));

        Assert.Contains("2015-06-15", error.Message);
        Assert.Null(child.Cin);
        Assert.Empty(child.CinHistory);
    }

    [Fact]
    public void Empty_cin_is_refused()
    {
        var child = Register(First);

        Rules.Refused("child.cin-required", () => child.AssignCin(default, Instants.Day("2026-02-01"), Instants.Later(1)));

        Assert.Equal(First, child.Cin);
    }

    [Fact]
    public void Cin_assignment_stamped_with_a_local_time_is_refused_before_anything_changes()
    {
        var child = Register(First);

        Assert.Throws<ArgumentException>(() =>
            child.AssignCin(Second, Instants.Day("2026-02-01"), DateTime.SpecifyKind(Instants.Later(1), DateTimeKind.Local)));

        Assert.Equal(["91234567A, current"], History(child));
    }
}
