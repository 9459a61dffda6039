using OpenCcs.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Children;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Common;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data.Claims;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Claims;

/// <summary>The claim check reads SARs and providers as the loader hands them over, on both databases.</summary>
public sealed class ClaimFactsLoaderTests
{
    private static readonly DateTime Now = TestClock.Now;

    private static ClaimToCheck ClaimFor(string? sar, string? billing, string? referring = null, string? lineSar = null) => new()
    {
        Form = ClaimForm.Professional,
        MemberId = "91234567A",
        BillingNpi = billing,
        ReferringNpi = referring,
        PriorAuthorization = sar,
        Lines = [new ClaimLineToCheck { LineNumber = 1, From = new DateOnly(2026, 12, 3), ProcedureCode = "93306", PriorAuthorization = lineSar }],
    };

    [Theory, OnBothDatabases]
    public async Task An_approved_sar_loads_with_its_client_cin_authorized_provider_and_decided_lines(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(41, Now.AddDays(-3));
        sar.BeginReview("nurse-1", Now.AddDays(-2));
        sar.Approve("nurse-1", Now.AddDays(-1));
        await database.AddAsync(sar);

        await using var db = database.NewContext();
        var facts = await new ClaimFactsLoader(db).LoadForAsync([ClaimFor(sar.Number.Value, cast.Physician.Npi.Value)]);

        var loaded = facts.FindSar(sar.Number.Value);
        Assert.NotNull(loaded);
        Assert.Equal(SarStatus.Approved, loaded.Status);
        Assert.Equal(SarType.Physician, loaded.Type);
        Assert.Equal("91234567A", Assert.Single(loaded.ClientCins).Cin);
        Assert.Equal(cast.Physician.Npi.Value, loaded.AuthorizedProviderNpi);
        Assert.Equal([1, 2], loaded.Lines.Select(l => l.LineNumber));
        Assert.Equal(("93306", LineDisposition.Authorized, 2), (loaded.Lines[0].Code, loaded.Lines[0].Disposition!.Value, loaded.Lines[0].AuthorizedUnits!.Value));
        Assert.Equal(new DateOnly(2026, 12, 1), loaded.Lines[0].AuthorizedFrom);
        Assert.Equal(new DateOnly(2027, 5, 31), loaded.Lines[0].AuthorizedTo);
    }

    [Theory, OnBothDatabases]
    public async Task A_sar_loads_with_every_cin_of_its_child_and_the_dates_each_covered(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = Cast.Create();
        cast.Child.AssignCin(Cin.Parse("97654321B"), new DateOnly(2026, 11, 1), Now);
        var sar = cast.SubmitSar(41, Now);
        var other = Child.Register(new PersonName("Leo", "Nguyen"), new DateOnly(2020, 6, 1), Cin.Parse("95555555C"), TestClock.LosAngeles, Language.English, Now);
        var othersSar = Sar.Submit(SarNumber.Create(TestClock.LosAngeles, 42), other.Id, cast.Physician.Id, null, SarFormType.EstablishedClient, "Q21.0", false, null,
            [new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 2)],
            "provider-user-1", Now);
        await database.AddAsync(cast.Organization, cast.Physician, cast.Hospital, cast.Child, other, sar, othersSar);
        CinPeriod[] expected = [new("91234567A", null, new DateOnly(2026, 10, 31)), new("97654321B", new DateOnly(2026, 11, 1), null)];
        ClaimToCheck[] claims = [ClaimFor(sar.Number.Value, null), ClaimFor(othersSar.Number.Value, null)];

        await using var db = database.NewContext();
        var throughContext = await new ClaimFactsLoader(db).LoadForAsync(claims);
        var throughConnection = await ClaimFactsLoader.ForConnection(db.Database.GetDbConnection(), db.Provider).LoadForAsync(claims);

        Assert.Equal(expected, throughContext.FindSar(sar.Number.Value)!.ClientCins.OrderBy(c => c.From));
        Assert.Equal(expected, throughConnection.FindSar(sar.Number.Value)!.ClientCins.OrderBy(c => c.From));
        Assert.Equal([new CinPeriod("95555555C", null, null)], throughConnection.FindSar(othersSar.Number.Value)!.ClientCins);
        Assert.Equal([1, 2], throughConnection.FindSar(sar.Number.Value)!.Lines.Select(l => l.LineNumber)); // each line once, whatever the CINs
    }

    [Theory, OnBothDatabases]
    public async Task Providers_load_with_panel_periods_for_individuals_and_approvals_for_facilities(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);

        await using var db = database.NewContext();
        var facts = await new ClaimFactsLoader(db).LoadForAsync([ClaimFor(null, cast.Physician.Npi.Value, referring: cast.Hospital.Npi.Value)]);

        var physician = facts.FindProvider(cast.Physician.Npi.Value)!;
        Assert.Equal(ProviderType.Physician, physician.Type);
        Assert.True(physician.IsAuthorizedOn(new DateOnly(2026, 12, 3)));
        Assert.False(physician.IsAuthorizedOn(new DateOnly(2019, 12, 31)));
        var hospital = facts.FindProvider(cast.Hospital.Npi.Value)!;
        Assert.True(hospital.IsFacility);
        Assert.Equal(2, hospital.PaneledOrApproved.Count);
        Assert.False(hospital.IsAuthorizedOn(new DateOnly(2014, 12, 31)));
    }

    [Theory, OnBothDatabases]
    public async Task Unknown_and_malformed_numbers_read_as_absent_and_are_not_asked_for_twice(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var counter = new CommandCounter();

        await using var db = database.NewContext(counter);
        var loader = new ClaimFactsLoader(db);
        var stranger = Npi.FromFirstNine("555555555").Value;
        var claim = ClaimFor(SarNumber.Create(TestClock.LosAngeles, 999).Value, stranger, lineSar: "not-a-sar");
        var facts = await loader.LoadForAsync([claim]);
        var asked = counter.Count;
        await loader.LoadIntoAsync(facts, [claim]);

        Assert.Null(facts.FindSar(SarNumber.Create(TestClock.LosAngeles, 999).Value));
        Assert.Null(facts.FindSar("not-a-sar"));
        Assert.Null(facts.FindProvider(stranger));
        Assert.Null(facts.FindProvider(cast.Physician.Npi.Value)); // never asked for
        Assert.Equal(asked, counter.Count);
    }

    [Theory, OnBothDatabases]
    public async Task A_batch_view_holds_exactly_what_the_batch_refers_to_while_the_run_cache_keeps_everything(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(41, Now.AddDays(-3));
        await database.AddAsync(sar);
        var missing = SarNumber.Create(TestClock.LosAngeles, 999).Value;

        await using var db = database.NewContext();
        var loader = new ClaimFactsLoader(db);
        var run = new ClaimFactsCache();
        var first = await loader.LoadViewAsync(run, [ClaimFor(sar.Number.Value, cast.Physician.Npi.Value)]);
        var second = await loader.LoadViewAsync(run, [ClaimFor(missing, cast.Physician.Npi.Value, referring: cast.Hospital.Npi.Value, lineSar: "not-a-sar")]);

        Assert.Equal((1, 1), (first.SarCount, first.ProviderCount));
        Assert.Same(run.FindSar(sar.Number.Value), first.FindSar(sar.Number.Value));
        Assert.Null(second.FindSar(sar.Number.Value)); // another batch's SAR is not in this view
        Assert.Equal((2, 2), (second.SarCount, second.ProviderCount)); // the missing and the malformed SAR, known absent
        Assert.Null(second.FindSar(missing));
        Assert.NotNull(second.FindProvider(cast.Hospital.Npi.Value));
        Assert.Same(run.FindProvider(cast.Physician.Npi.Value), second.FindProvider(cast.Physician.Npi.Value)); // from the run cache, not read again
        Assert.Equal((3, 2), (run.SarCount, run.ProviderCount));
    }

    [Theory, OnBothDatabases]
    public async Task A_reused_batch_view_is_emptied_and_holds_only_the_new_batch(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(41, Now.AddDays(-3));
        await database.AddAsync(sar);
        var missing = SarNumber.Create(TestClock.LosAngeles, 999).Value;

        await using var db = database.NewContext();
        var loader = new ClaimFactsLoader(db);
        var run = new ClaimFactsCache();
        var view = await loader.LoadViewAsync(run, [ClaimFor(sar.Number.Value, cast.Physician.Npi.Value)]);
        Assert.NotNull(view.FindSar(sar.Number.Value));

        var again = await loader.LoadViewAsync(run, [ClaimFor(missing, cast.Hospital.Npi.Value)], view);

        Assert.Same(view, again);
        Assert.Null(again.FindSar(sar.Number.Value)); // the first batch's SAR is gone from the view
        Assert.Null(again.FindProvider(cast.Physician.Npi.Value));
        Assert.Equal((1, 1), (again.SarCount, again.ProviderCount));
        Assert.NotNull(again.FindProvider(cast.Hospital.Npi.Value));
        Assert.NotNull(run.FindSar(sar.Number.Value)); // the run cache keeps both batches
        Assert.Equal((2, 2), (run.SarCount, run.ProviderCount));
    }

    [Theory, OnBothDatabases]
    public async Task The_sars_read_from_the_database_are_handed_out_once_for_audit_and_a_cached_sar_is_not_read_again(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(41, Now.AddDays(-3));
        await database.AddAsync(sar);

        await using var db = database.NewContext();
        var loader = new ClaimFactsLoader(db);
        var run = new ClaimFactsCache();
        await loader.LoadViewAsync(run, [ClaimFor(sar.Number.Value, cast.Physician.Npi.Value)]);
        var first = loader.TakeSarsRead();
        await loader.LoadViewAsync(run, [ClaimFor(sar.Number.Value, cast.Physician.Npi.Value)]);

        Assert.Equal([new SarRead(sar.Id, sar.ChildId)], first);
        Assert.Empty(loader.TakeSarsRead()); // the second batch was answered from the run's cache
    }

    [Theory, OnBothDatabases]
    public async Task Batch_reads_are_stored_as_read_audit_events_that_the_audit_trail_finds_by_child(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(41, Now.AddDays(-3));
        await database.AddAsync(sar);
        var actor = new BatchActor("ccs:batch-user", "batch-user", BatchActor.ClaimCheckRole, "ccs-run-1");
        var reads = Enumerable.Range(0, 501).Select(_ => new SarRead(Guid.NewGuid(), sar.ChildId)).Append(new SarRead(sar.Id, sar.ChildId)).ToList();

        await using (var db = database.NewContext())
        {
            var connection = db.Database.GetDbConnection();
            await ClaimReadAudit.WriteAsync(connection, db.Provider, reads, actor, Now, default);
        }

        await using var check = database.NewContext();
        var stored = await check.AuditEvents.AsNoTracking().Where(a => a.ChildId == sar.ChildId && a.RequestId == "ccs-run-1").ToListAsync();
        Assert.Equal(502, stored.Count); // two statements: 500 rows, then 2
        var row = Assert.Single(stored, a => a.RecordId == sar.Id.ToString());
        Assert.Equal((Now, "ccs:batch-user", "batch-user", BatchActor.ClaimCheckRole), (row.At, row.UserId, row.UserName, row.Role));
        Assert.Equal((AuditAction.Read, AuditOutcome.Allowed, "Sar"), (row.Action, row.Outcome, row.RecordType));
        Assert.Equal(502, await check.AuditEvents.CountAsync(a => a.At == Now && a.UserId == "ccs:batch-user"));
    }
}
