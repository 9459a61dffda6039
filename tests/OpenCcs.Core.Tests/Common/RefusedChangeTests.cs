using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Referrals;

namespace OpenCcs.Core.Tests.Common;

public sealed class RefusedChangeTests
{
    private static readonly CountyCode Kern = CountyCode.From(15);

    [Fact]
    public void A_change_stamped_with_a_local_time_is_refused_before_anything_changes()
    {
        var child = Child.Register(new PersonName("Ana", "Ruiz"), Instants.Day("2016-04-01"), null, Kern, Language.English, Instants.Monday);

        Assert.Throws<ArgumentException>(() => child.MoveTo(CountyCode.From(19), DateTime.SpecifyKind(Instants.Later(5), DateTimeKind.Local)));

        Assert.Equal(Kern, child.CountyOfResidence);
        Assert.Equal(Instants.Monday, child.UpdatedAt);
    }

    [Fact]
    public void A_case_cannot_be_opened_or_transferred_without_a_county()
    {
        Rules.Refused("case.county-required", () => CcsCase.Open(Guid.NewGuid(), default, CaseProgram.CaseManagement, "Q21.0", Instants.Today, Instants.Monday));
        var ccsCase = CcsCase.Open(Guid.NewGuid(), Kern, CaseProgram.CaseManagement, "Q21.0", Instants.Today, Instants.Monday);

        Rules.Refused("case.county-required", () => ccsCase.TransferTo(default, Instants.Later(1)));

        Assert.Equal(Kern, ccsCase.County);
    }

    [Fact]
    public void A_referral_must_name_the_county_it_goes_to()
    {
        var error = Rules.Refused("referral.county-required", () =>
            Referral.Receive(Guid.NewGuid(), default, ReferrerKind.Physician, "Dr. Lee", null, "Heart murmur", null, Instants.Monday));

        Assert.Contains("county", error.Message);
    }
}
