using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Core.Tests.Authorizations;

namespace OpenCcs.Core.Tests.Common;

/// <summary>Every change to an aggregate moves <see cref="AggregateRoot.UpdatedAt"/>, so saves see it as a change of the whole.</summary>
public class AggregateRootTests
{
    private static readonly DateTime ChangedAt = Instants.Later(90);
    private static readonly CountyCode Fresno = CountyCode.From(10);

    private static readonly Dictionary<string, Func<(AggregateRoot Root, Action<DateTime> Change)>> Changes = new()
    {
        ["child adds a guardian"] = () => Of(NewChild(), (c, at) => c.AddGuardian(new PersonName("Ana", "Lopez"), "Mother", null, "account-ana", at)),
        ["child gets a cin"] = () => Of(NewChild(), (c, at) => c.AssignCin(Cin.Parse("91234567A"), Instants.Today, at)),
        ["child moves county"] = () => Of(NewChild(), (c, at) => c.MoveTo(CountyCode.From(37), at)),
        ["child prefers a language"] = () => Of(NewChild(), (c, at) => c.PreferLanguage(Language.Hmong, at)),
        ["provider is paneled"] = () => Of(NewPhysician(), (p, at) => p.Panel(Instants.Day("2026-01-01"), null, at)),
        ["provider panel ends"] = () => Of(Paneled(NewPhysician()), (p, at) => p.EndPanel(Instants.Day("2026-12-31"), at)),
        ["facility is approved"] = () => Of(NewHospital(), (p, at) => p.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, Instants.Day("2026-01-01"), null, at)),
        ["referral is accepted"] = () => Of(NewReferral(), (r, at) => r.Accept(Guid.NewGuid(), at)),
        ["referral is declined"] = () => Of(NewReferral(), (r, at) => r.Decline("Not a CCS condition", at)),
        ["case closes"] = () => Of(NewCase(), (c, at) => c.Close(Instants.Day("2026-09-30"), "Aged out", at)),
        ["case transfers"] = () => Of(NewCase(), (c, at) => c.TransferTo(CountyCode.From(37), at)),
        ["sar review begins"] = () => Of(SarBuilder.In(SarStatus.Submitted), (s, at) => s.BeginReview(SarBuilder.Nurse, at)),
        ["sar is pended"] = () => Of(SarBuilder.In(SarStatus.InReview), (s, at) => s.PendForInformation(SarBuilder.Nurse, "Latest note", at)),
        ["sar is approved"] = () => Of(SarBuilder.In(SarStatus.InReview), (s, at) => s.Approve(SarBuilder.Consultant, at)),
        ["sar is denied"] = () => Of(SarBuilder.In(SarStatus.InReview), (s, at) => s.Deny(SarBuilder.Consultant, "Not related", at)),
        ["sar is cancelled"] = () => Of(SarBuilder.In(SarStatus.Submitted), (s, at) => s.Cancel(SarBuilder.Provider, "Duplicate", at)),
        ["sar is modified"] = () => Of(SarBuilder.In(SarStatus.InReview), (s, at) => s.Approve(SarBuilder.Consultant, SarBuilder.EchoOnly(s), ReferenceTables.Rules, at)),
        ["sar review resumes"] = () => Of(SarBuilder.In(SarStatus.PendedForInformation), (s, at) => s.ResumeReview(SarBuilder.Nurse, at, at)),
        ["sar is redirected"] = () => Of(SarBuilder.In(SarStatus.Submitted), (s, at) => s.Redirect(SarBuilder.Nurse, "Medi-Cal Rx", at)),
        ["sar is forwarded to iscd"] = () => Of(SarBuilder.In(SarStatus.InReview), (s, at) => s.ForwardToIscd(IscdQueue.DirectedReview, "CS-1", SarBuilder.Nurse, at)),
        ["sar is returned to the county"] = () => Of(SarBuilder.In(SarStatus.ForwardedToIscd), (s, at) => s.ReturnToCounty(SarBuilder.IscdReviewer, "Wrong queue", at)),
        ["sar eligibility is confirmed"] = () => Of(AwaitingEligibility(), (s, at) => s.ConfirmEligibility(at)),
        ["emergency documentation arrives"] = () => Of(NewEmergency(false), (e, at) => e.ReceiveDocumentation(at)),
        ["emergency transfer is recorded"] = () => Of(NewEmergency(true), (e, at) => e.RecordTransfer(ApprovedHospital(), at)),
    };

    public static TheoryData<string> ChangeNames => new(Changes.Keys);

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void Every_change_moves_updated_at_and_leaves_created_at(string change)
    {
        var (root, act) = Changes[change]();
        var createdAt = root.CreatedAt;
        Assert.NotEqual(ChangedAt, root.UpdatedAt);

        act(ChangedAt);

        Assert.Equal(ChangedAt, root.UpdatedAt);
        Assert.Equal(createdAt, root.CreatedAt);
    }

    [Fact]
    public void New_aggregate_was_last_updated_when_it_was_created()
    {
        var child = NewChild();

        Assert.Equal(Instants.Monday, child.CreatedAt);
        Assert.Equal(child.CreatedAt, child.UpdatedAt);
    }

    [Fact]
    public void Successive_changes_each_move_updated_at()
    {
        var child = NewChild();

        child.PreferLanguage(Language.English, Instants.Later(1));
        Assert.Equal(Instants.Later(1), child.UpdatedAt);

        child.MoveTo(CountyCode.From(37), Instants.Later(2));
        Assert.Equal(Instants.Later(2), child.UpdatedAt);
    }

    [Fact]
    public void Refused_change_leaves_updated_at_where_it_was()
    {
        var sar = SarBuilder.In(SarStatus.Approved);
        var updatedAt = sar.UpdatedAt;

        Assert.Throws<DomainRuleException>(() => sar.Cancel(SarBuilder.Provider, "Too late", ChangedAt));

        Assert.Equal(updatedAt, sar.UpdatedAt);
    }

    [Fact]
    public void Every_aggregate_has_its_own_identity()
    {
        Assert.NotEqual(NewChild().Id, NewChild().Id);
        Assert.NotEqual(Guid.Empty, NewChild().Id);
    }

    private static (AggregateRoot, Action<DateTime>) Of<T>(T root, Action<T, DateTime> change) where T : AggregateRoot =>
        (root, at => change(root, at));

    private static Child NewChild() =>
        Child.Register(new PersonName("Maya", "Lopez"), Instants.Day("2015-06-15"), null, Fresno, Language.Spanish, Instants.Monday);

    private static Provider NewPhysician() =>
        Provider.Enroll(Npi.Parse("1234567893"), "Dr. Grace Kim", ProviderType.Physician, Guid.NewGuid(), Instants.Monday);

    private static Provider NewHospital() =>
        Provider.Enroll(Npi.Parse("1245319599"), "Valley Children's Hospital", ProviderType.Hospital, Guid.NewGuid(), Instants.Monday);

    private static Provider Paneled(Provider provider)
    {
        provider.Panel(Instants.Day("2026-01-01"), null, Instants.Later(1));
        return provider;
    }

    private static Sar AwaitingEligibility() =>
        Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.NewReferral, "Q21.0", false, null,
            [SarBuilder.Echo()], SarBuilder.Provider, Instants.Monday, childHasOpenCase: false);

    private static EmergencyAdmission NewEmergency(bool documents) =>
        EmergencyAdmission.Report(Guid.NewGuid(), Fresno, "Mercy Hospital", Instants.Monday, Instants.Monday, documents);

    private static Provider ApprovedHospital()
    {
        var hospital = NewHospital();
        hospital.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2026-01-01"), null, Instants.Monday);
        return hospital;
    }

    private static Referral NewReferral() =>
        Referral.Receive(Guid.NewGuid(), Fresno, ReferrerKind.Family, "Ana Lopez", null, "Cleft palate", null, Instants.Monday);

    private static CcsCase NewCase() =>
        CcsCase.Open(Guid.NewGuid(), Fresno, CaseProgram.CaseManagement, "Q35.9", Instants.Today, Instants.Monday);
}
