using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Common;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Persistence;

/// <summary>
/// Two people open the same record and both change it: the first save wins, the second is refused
/// with <see cref="DbUpdateConcurrencyException"/>, and nothing of the first change is lost.
/// </summary>
public sealed class ConcurrencyTests
{
    private static readonly DateTime Now = TestClock.Now;

    [Theory, OnBothDatabases]
    public async Task Two_reviewers_deciding_one_sar_keep_the_first_decision(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(1, Now.AddDays(-2));
        sar.BeginReview("nurse-1", Now.AddDays(-1));
        await database.AddAsync(sar);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var approving = await first.Sars.SingleAsync(s => s.Id == sar.Id);
        var denying = await second.Sars.SingleAsync(s => s.Id == sar.Id);
        approving.Approve("consultant-7", Now);
        denying.Deny("consultant-9", "Not medically necessary.", Now.AddMinutes(1));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var saved = await check.Sars.SingleAsync(s => s.Id == sar.Id);
        Assert.Equal(SarStatus.Approved, saved.Status);
        Assert.Null(saved.DecisionReason);
        Assert.Equal([SarStatus.Submitted, SarStatus.InReview, SarStatus.Approved], saved.History.Select(t => t.To));
        Assert.Equal("consultant-7", saved.History[^1].ActorId);
        Assert.All(saved.Lines, l => Assert.Equal(l.RequestedUnits, l.AuthorizedUnits));
    }

    [Theory, OnBothDatabases]
    public async Task The_second_reviewer_reloads_and_sees_the_sar_is_already_decided(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(1, Now.AddDays(-2));
        sar.BeginReview("nurse-1", Now.AddDays(-1));
        await database.AddAsync(sar);
        await using (var first = database.NewContext())
        {
            (await first.Sars.SingleAsync(s => s.Id == sar.Id)).Approve("consultant-7", Now);
            await first.SaveChangesAsync();
        }

        await using var second = database.NewContext();
        var reloaded = await second.Sars.SingleAsync(s => s.Id == sar.Id);
        var refusal = Assert.Throws<DomainRuleException>(() => reloaded.Deny("consultant-9", "Not medically necessary.", Now.AddMinutes(1)));

        Assert.Equal("sar.transition-not-allowed", refusal.Rule);
        Assert.Equal("A SAR that is approved cannot become denied.", refusal.Message);
    }

    [Theory, OnBothDatabases]
    public async Task A_guardian_added_to_a_child_who_just_moved_is_refused_and_the_move_kept(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var moving = await first.Children.SingleAsync(c => c.Id == cast.Child.Id);
        var adding = await second.Children.SingleAsync(c => c.Id == cast.Child.Id);
        // Both at the instant the child was registered: the check must not depend on the clock having moved.
        moving.MoveTo(TestClock.SanDiego, Now);
        adding.AddGuardian(new PersonName("Rosa", "Reyes"), "Grandmother", null, null, Now);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var saved = await check.Children.SingleAsync(c => c.Id == cast.Child.Id);
        Assert.Equal(TestClock.SanDiego, saved.CountyOfResidence);
        Assert.Equal(["Mother"], saved.Guardians.Select(g => g.Relationship));
    }

    [Theory, OnBothDatabases]
    public async Task Two_clerks_ending_one_panel_period_keep_the_first_end_date(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var ending = await first.Providers.SingleAsync(p => p.Id == cast.Physician.Id);
        var alsoEnding = await second.Providers.SingleAsync(p => p.Id == cast.Physician.Id);
        ending.EndPanel(new DateOnly(2026, 11, 30), Now);
        alsoEnding.EndPanel(new DateOnly(2026, 12, 31), Now);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var saved = await check.Providers.SingleAsync(p => p.Id == cast.Physician.Id);
        Assert.Equal([new PanelPeriod(new DateOnly(2020, 1, 1), new DateOnly(2026, 11, 30))], saved.PanelPeriods);
    }

    [Theory, OnBothDatabases]
    public async Task A_facility_approval_added_by_two_people_at_once_is_saved_once(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var approving = await first.Providers.SingleAsync(p => p.Id == cast.Hospital.Id);
        var alsoApproving = await second.Providers.SingleAsync(p => p.Id == cast.Hospital.Id);
        approving.Approve(FacilityApprovalKind.HighRiskInfantFollowUp, null, new DateOnly(2026, 1, 1), null, Now);
        alsoApproving.Approve(FacilityApprovalKind.HighRiskInfantFollowUp, null, new DateOnly(2026, 2, 1), null, Now);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var saved = await check.Providers.SingleAsync(p => p.Id == cast.Hospital.Id);
        Assert.Equal(
            [new FacilityApproval(FacilityApprovalKind.HighRiskInfantFollowUp, null, new DateOnly(2026, 1, 1), null)],
            saved.Approvals.Where(a => a.Kind == FacilityApprovalKind.HighRiskInfantFollowUp));
    }

    [Theory, OnBothDatabases]
    public async Task A_referral_declined_while_another_worker_accepted_it_stays_accepted(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var referral = Referral.Receive(cast.Child.Id, TestClock.LosAngeles, ReferrerKind.Physician, "Rosa Alvarez, MD", cast.Physician.Id,
            "Ventricular septal defect", "Q21.0", Now.AddDays(-7));
        var ccsCase = CcsCase.Open(cast.Child.Id, TestClock.LosAngeles, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2026, 11, 23), Now);
        await database.AddAsync(referral, ccsCase);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var accepting = await first.Referrals.SingleAsync(r => r.Id == referral.Id);
        var declining = await second.Referrals.SingleAsync(r => r.Id == referral.Id);
        accepting.Accept(ccsCase.Id, Now);
        declining.Decline("Not a CCS-eligible condition.", Now);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var saved = await check.Referrals.SingleAsync(r => r.Id == referral.Id);
        Assert.Equal(ReferralStatus.Accepted, saved.Status);
        Assert.Equal(ccsCase.Id, saved.CaseId);
        Assert.Null(saved.DeclineReason);
    }

    [Theory, OnBothDatabases]
    public async Task A_case_transferred_while_another_worker_closed_it_stays_closed_in_its_county(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var ccsCase = CcsCase.Open(cast.Child.Id, TestClock.LosAngeles, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2025, 1, 6), Now.AddYears(-1));
        await database.AddAsync(ccsCase);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var closing = await first.Cases.SingleAsync(c => c.Id == ccsCase.Id);
        var transferring = await second.Cases.SingleAsync(c => c.Id == ccsCase.Id);
        closing.Close(new DateOnly(2026, 11, 23), "Child turned 21.", Now);
        transferring.TransferTo(TestClock.SanDiego, Now);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var saved = await check.Cases.SingleAsync(c => c.Id == ccsCase.Id);
        Assert.Equal(CaseStatus.Closed, saved.Status);
        Assert.Equal("Child turned 21.", saved.ClosureReason);
        Assert.Equal(TestClock.LosAngeles, saved.County);
    }

    [Theory, OnBothDatabases]
    public async Task A_stale_copy_of_a_child_cannot_overwrite_a_newer_save(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        await using (var elsewhere = database.NewContext())
        {
            (await elsewhere.Children.SingleAsync(c => c.Id == cast.Child.Id)).PreferLanguage(Language.English, Now);
            await elsewhere.SaveChangesAsync();
        }

        // The cast's own Child object is the copy saved at the start: its version is now stale.
        await using var db = database.NewContext();
        db.Attach(cast.Child);
        cast.Child.MoveTo(TestClock.SanDiego, Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    // ProviderOrganization has no method that changes it yet; this keeps every aggregate, present and future, guarded.
    [Theory, OnBothDatabases]
    public async Task Every_aggregate_is_saved_with_a_version_check(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        var aggregates = db.Model.GetEntityTypes().Where(t => t.ClrType.IsSubclassOf(typeof(AggregateRoot))).ToList();

        Assert.Superset(
            new HashSet<string> { "CcsCase", "Child", "Provider", "ProviderOrganization", "Referral", "Sar" },
            aggregates.Select(t => t.ClrType.Name).ToHashSet());
        Assert.All(aggregates, t => Assert.True(t.FindProperty(nameof(AggregateRoot.Version))!.IsConcurrencyToken, $"{t.ClrType.Name}.Version is not a concurrency token."));
    }
}
