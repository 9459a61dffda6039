using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Persistence;

/// <summary>
/// Every aggregate comes back from the database as users saw it when it was saved. Guardians, panel periods,
/// approvals and SAR lines are compared without regard to order: EF Core does not order the last owned
/// collection it joins, so the database's row order decides theirs (lines carry their own numbers).
/// </summary>
public sealed class RoundTripTests
{
    private static readonly DateTime Now = TestClock.Now;

    [Theory, OnBothDatabases]
    public async Task A_child_loads_back_with_its_details_and_guardians_in_order(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse("91234567A"), TestClock.LosAngeles, Language.Spanish, Now);
        child.AddGuardian(new PersonName("Maria", "Reyes"), "Mother", "(555) 010-2026", "family-account-1", Now,
            new PostalAddress("2450 East Olive Avenue", "Apt 12", "Fresno", "CA", "93701-1234"));
        child.AddGuardian(new PersonName("José", "Reyes"), "Father", null, null, Now.AddMinutes(5));
        await database.AddAsync(child);

        await using var db = database.NewContext();
        var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);

        Assert.Equal(new PersonName("Ana", "Reyes"), loaded.Name);
        Assert.Equal(new DateOnly(2015, 2, 28), loaded.DateOfBirth);
        Assert.Equal(Cin.Parse("91234567A"), loaded.Cin);
        Assert.Equal(TestClock.LosAngeles, loaded.CountyOfResidence);
        Assert.Equal(Language.Spanish, loaded.Language);
        Assert.Equal(
            [
                (new PersonName("José", "Reyes"), "Father", (string?)null, (string?)null),
                (new PersonName("Maria", "Reyes"), "Mother", "(555) 010-2026", "family-account-1"),
            ],
            loaded.Guardians.Select(g => (g.Name, g.Relationship, g.Phone, g.AccountId)).OrderBy(g => g.Name.First, StringComparer.Ordinal));
        Assert.True(loaded.IsGuardedBy("family-account-1"));
        Assert.Equal(new PostalAddress("2450 East Olive Avenue", "Apt 12", "Fresno", "CA", "93701-1234"), loaded.NoticeRecipient()!.Address);
        Assert.Null(loaded.Guardians.Single(g => g.Name.First == "José").Address);
        Assert.Equal(Now, loaded.CreatedAt);
        Assert.Equal(Now.AddMinutes(5), loaded.UpdatedAt);
    }

    [Theory, OnBothDatabases]
    public async Task A_child_without_a_cin_loads_back_without_one(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var child = Child.Register(new PersonName("Leo", "Nguyen"), new DateOnly(2024, 6, 1), null, TestClock.SanDiego, Language.Vietnamese, Now);
        await database.AddAsync(child);

        await using var db = database.NewContext();
        var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);

        Assert.Null(loaded.Cin);
        Assert.Empty(loaded.Guardians);
    }

    [Theory, OnBothDatabases]
    public async Task A_child_loads_back_with_its_cin_history_and_the_cin_that_covered_each_date(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse("91234567A"), TestClock.LosAngeles, Language.Spanish, Now);
        child.AssignCin(Cin.Parse("97654321B"), new DateOnly(2026, 3, 1), Now);
        child.AssignCin(Cin.Parse("95555555C"), new DateOnly(2026, 9, 15), Now);
        await database.AddAsync(child);

        await using var db = database.NewContext();
        var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);

        Assert.Equal(
            ["91234567A until 2026-02-28", "97654321B from 2026-03-01 to 2026-09-14", "95555555C from 2026-09-15, current"],
            loaded.CinHistory.Select(c => c.ToString()));
        Assert.Equal(Cin.Parse("95555555C"), loaded.Cin);
        Assert.Equal(Cin.Parse("97654321B"), loaded.CinOn(new DateOnly(2026, 9, 14)));
    }

    [Theory, OnBothDatabases]
    public async Task A_new_cin_for_a_saved_child_ends_the_former_cin_the_day_before_and_counts_as_a_change_of_the_child(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse("91234567A"), TestClock.LosAngeles, Language.Spanish, Now);
        await database.AddAsync(child);
        int version;
        await using (var db = database.NewContext())
        {
            var stored = await db.Children.SingleAsync(c => c.Id == child.Id);
            version = stored.Version;
            stored.AssignCin(Cin.Parse("97654321B"), new DateOnly(2026, 11, 1), Now.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await using var reread = database.NewContext();
        var loaded = await reread.Children.SingleAsync(c => c.Id == child.Id);

        Assert.Equal(["91234567A until 2026-10-31", "97654321B from 2026-11-01, current"], loaded.CinHistory.Select(c => c.ToString()));
        Assert.Equal(Cin.Parse("97654321B"), loaded.Cin);
        Assert.Equal(version + 1, loaded.Version);
        Assert.Equal(Now.AddMinutes(5), loaded.UpdatedAt);
    }

    [Theory, OnBothDatabases]
    public async Task A_cin_that_was_one_childs_cannot_be_registered_for_another_child(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse("91234567A"), TestClock.LosAngeles, Language.Spanish, Now);
        child.AssignCin(Cin.Parse("97654321B"), new DateOnly(2026, 11, 1), Now);
        await database.AddAsync(child);
        var other = Child.Register(new PersonName("Leo", "Nguyen"), new DateOnly(2020, 6, 1), Cin.Parse("91234567A"), TestClock.SanDiego, Language.English, Now);

        await Assert.ThrowsAsync<DbUpdateException>(() => database.AddAsync(other));

        await using var db = database.NewContext();
        Assert.Equal(1, await db.Children.CountAsync());
        Assert.Equal(child.Id, await db.Children.Where(c => c.CinHistory.Any(k => k.Cin == Cin.Parse("91234567A"))).Select(c => c.Id).SingleAsync());
    }

    [Theory, OnBothDatabases]
    public async Task A_provider_organization_loads_back_with_its_name(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var organization = ProviderOrganization.Create("  Bayside Community Pharmacy ", Now);
        await database.AddAsync(organization);

        await using var db = database.NewContext();
        var loaded = await db.ProviderOrganizations.SingleAsync(o => o.Id == organization.Id);

        Assert.Equal("Bayside Community Pharmacy", loaded.Name);
        Assert.Equal(Now, loaded.CreatedAt);
    }

    [Theory, OnBothDatabases]
    public async Task A_physician_loads_back_with_every_panel_period(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var organization = ProviderOrganization.Create("Sunrise Pediatric Specialists", Now);
        var physician = Provider.Enroll(Npi.FromFirstNine("123456789"), "Rosa Alvarez, MD", ProviderType.Physician, organization.Id, Now);
        physician.Panel(new DateOnly(2016, 1, 1), null, Now);
        physician.EndPanel(new DateOnly(2019, 12, 31), Now);
        physician.Panel(new DateOnly(2021, 3, 1), null, Now);
        await database.AddAsync(organization, physician);

        await using var db = database.NewContext();
        var loaded = await db.Providers.SingleAsync(p => p.Id == physician.Id);

        Assert.Equal(Npi.FromFirstNine("123456789"), loaded.Npi);
        Assert.Equal("Rosa Alvarez, MD", loaded.Name);
        Assert.Equal(ProviderType.Physician, loaded.Type);
        Assert.Equal(organization.Id, loaded.OrganizationId);
        Assert.Equal(
            [new PanelPeriod(new DateOnly(2016, 1, 1), new DateOnly(2019, 12, 31)), new PanelPeriod(new DateOnly(2021, 3, 1), null)],
            loaded.PanelPeriods.OrderBy(p => p.From));
        Assert.False(loaded.IsAuthorizedOn(new DateOnly(2020, 6, 1)));
        Assert.True(loaded.IsAuthorizedOn(new DateOnly(2026, 6, 1)));
    }

    [Theory, OnBothDatabases]
    public async Task A_hospital_loads_back_with_its_approvals_and_nicu_level(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var organization = ProviderOrganization.Create("Golden Valley Children's Hospital", Now);
        var hospital = Provider.Enroll(Npi.FromFirstNine("198765432"), "Golden Valley Children's Hospital", ProviderType.Hospital, organization.Id, Now);
        hospital.Approve(FacilityApprovalKind.Hospital, null, new DateOnly(2015, 1, 1), null, Now);
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Intermediate, new DateOnly(2015, 1, 1), new DateOnly(2020, 6, 30), Now);
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, new DateOnly(2020, 7, 1), null, Now);
        hospital.Approve(FacilityApprovalKind.HighRiskInfantFollowUp, null, new DateOnly(2018, 1, 1), null, Now);
        await database.AddAsync(organization, hospital);

        await using var db = database.NewContext();
        var loaded = await db.Providers.SingleAsync(p => p.Id == hospital.Id);

        Assert.Equal(ProviderType.Hospital, loaded.Type);
        Assert.Equal(
            [
                new FacilityApproval(FacilityApprovalKind.Hospital, null, new DateOnly(2015, 1, 1), null),
                new FacilityApproval(FacilityApprovalKind.Nicu, NicuLevel.Intermediate, new DateOnly(2015, 1, 1), new DateOnly(2020, 6, 30)),
                new FacilityApproval(FacilityApprovalKind.Nicu, NicuLevel.Regional, new DateOnly(2020, 7, 1), null),
                new FacilityApproval(FacilityApprovalKind.HighRiskInfantFollowUp, null, new DateOnly(2018, 1, 1), null),
            ],
            loaded.Approvals.OrderBy(a => a.Kind).ThenBy(a => a.From));
        Assert.Equal(NicuLevel.Intermediate, loaded.NicuLevelOn(new DateOnly(2019, 1, 1)));
        Assert.Equal(NicuLevel.Regional, loaded.NicuLevelOn(new DateOnly(2026, 1, 1)));
        Assert.Empty(loaded.PanelPeriods);
    }

    [Theory, OnBothDatabases]
    public async Task An_accepted_referral_loads_back_with_its_referrer_condition_and_case(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var receivedAt = new DateTime(2026, 9, 14, 16, 45, 30, 250, DateTimeKind.Utc);
        var referral = Referral.Receive(cast.Child.Id, TestClock.LosAngeles, ReferrerKind.Physician, "Rosa Alvarez, MD", cast.Physician.Id,
            "Heart murmur; echocardiogram shows a ventricular septal defect", " q21.0 ", receivedAt);
        var ccsCase = CcsCase.Open(cast.Child.Id, TestClock.LosAngeles, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2026, 9, 20), Now);
        referral.Accept(ccsCase.Id, Now);
        await database.AddAsync(ccsCase, referral);

        await using var db = database.NewContext();
        var loaded = await db.Referrals.SingleAsync(r => r.Id == referral.Id);

        Assert.Equal(cast.Child.Id, loaded.ChildId);
        Assert.Equal(TestClock.LosAngeles, loaded.County);
        Assert.Equal(receivedAt, loaded.ReceivedAt);
        Assert.Equal(ReferrerKind.Physician, loaded.ReferrerKind);
        Assert.Equal("Rosa Alvarez, MD", loaded.ReferrerName);
        Assert.Equal(cast.Physician.Id, loaded.ReferringProviderId);
        Assert.Equal("Heart murmur; echocardiogram shows a ventricular septal defect", loaded.SuspectedCondition);
        Assert.Equal("Q21.0", loaded.DiagnosisCode);
        Assert.Equal(ReferralStatus.Accepted, loaded.Status);
        Assert.Equal(ccsCase.Id, loaded.CaseId);
        Assert.Null(loaded.DeclineReason);
    }

    [Theory, OnBothDatabases]
    public async Task A_declined_referral_loads_back_with_its_reason(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var referral = Referral.Receive(cast.Child.Id, TestClock.LosAngeles, ReferrerKind.School, "Lincoln Elementary nurse", null,
            "Frequent headaches", null, Now.AddDays(-3));
        referral.Decline("Headaches without a documented diagnosis are not a CCS-eligible condition.", Now);
        await database.AddAsync(referral);

        await using var db = database.NewContext();
        var loaded = await db.Referrals.SingleAsync(r => r.Id == referral.Id);

        Assert.Equal(ReferralStatus.Declined, loaded.Status);
        Assert.Equal("Headaches without a documented diagnosis are not a CCS-eligible condition.", loaded.DeclineReason);
        Assert.Equal(ReferrerKind.School, loaded.ReferrerKind);
        Assert.Null(loaded.ReferringProviderId);
        Assert.Null(loaded.DiagnosisCode);
        Assert.Null(loaded.CaseId);
    }

    [Theory, OnBothDatabases]
    public async Task A_transferred_and_closed_case_loads_back_with_its_dates_and_reason(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var ccsCase = CcsCase.Open(cast.Child.Id, TestClock.LosAngeles, CaseProgram.MedicalTherapyProgram, "g80.0", new DateOnly(2024, 2, 29), Now.AddDays(-30));
        ccsCase.TransferTo(TestClock.SanDiego, Now.AddDays(-10));
        ccsCase.Close(new DateOnly(2026, 11, 20), "Family moved out of state.", Now);
        await database.AddAsync(ccsCase);

        await using var db = database.NewContext();
        var loaded = await db.Cases.SingleAsync(c => c.Id == ccsCase.Id);

        Assert.Equal(cast.Child.Id, loaded.ChildId);
        Assert.Equal(TestClock.SanDiego, loaded.County);
        Assert.Equal(CaseProgram.MedicalTherapyProgram, loaded.Program);
        Assert.Equal("G80.0", loaded.DiagnosisCode);
        Assert.Equal(new DateOnly(2024, 2, 29), loaded.OpenedOn);
        Assert.Equal(CaseStatus.Closed, loaded.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), loaded.ClosedOn);
        Assert.Equal("Family moved out of state.", loaded.ClosureReason);
    }

    [Theory, OnBothDatabases]
    public async Task A_sar_loads_back_with_its_lines_and_its_history_in_order(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var receivedAt = new DateTime(2026, 11, 16, 17, 5, 0, DateTimeKind.Utc);
        var sar = Sar.Submit(
            SarNumber.Create(TestClock.LosAngeles, 12345), cast.Child.Id, cast.Physician.Id, cast.Hospital.Id, SarFormType.DischargePlanning, "q21.0",
            expedited: true, expeditedReason: "Discharged home on Friday; the cardiologist must see her within a week.",
            [
                new SarLineRequest(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", new DateOnly(2026, 11, 20), new DateOnly(2027, 5, 19), 2),
                new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 11, 20), new DateOnly(2027, 5, 19), 6, "Monthly"),
                new SarLineRequest(ServiceCodeSystem.Cpt, "93224", "Holter monitor, 48 hours", new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 31), 1),
            ],
            "provider-user-1", receivedAt);
        await database.AddAsync(sar);

        // The rest of its life happens in later requests, each loading and saving it again.
        await Change(database, sar.Id, s => s.BeginReview("nurse-1", receivedAt.AddHours(2)));
        await Change(database, sar.Id, s =>
        {
            s.PendForInformation("nurse-1", "Please send the discharge summary.", receivedAt.AddHours(3));
            s.BeginReview("nurse-1", receivedAt.AddDays(1));
        });
        await Change(database, sar.Id, s => s.Approve("consultant-7", receivedAt.AddDays(1).AddHours(2)));

        await using var db = database.NewContext();
        var loaded = await db.Sars.SingleAsync(s => s.Id == sar.Id);

        Assert.Equal(SarNumber.Create(TestClock.LosAngeles, 12345), loaded.Number);
        Assert.Equal(TestClock.LosAngeles, loaded.County);
        Assert.Equal(cast.Child.Id, loaded.ChildId);
        Assert.Equal(cast.Physician.Id, loaded.RequestingProviderId);
        Assert.Equal(cast.Hospital.Id, loaded.FacilityId);
        Assert.Equal(SarFormType.DischargePlanning, loaded.FormType);
        Assert.Equal("Q21.0", loaded.DiagnosisCode);
        Assert.True(loaded.Expedited);
        Assert.Equal("Discharged home on Friday; the cardiologist must see her within a week.", loaded.ExpeditedReason);
        Assert.Equal(receivedAt, loaded.ReceivedAt);
        Assert.Equal(SarStatus.Approved, loaded.Status);
        Assert.Equal(SarType.Physician, loaded.Type);
        Assert.Equal(cast.Physician.Id, loaded.AuthorizedProviderId);
        Assert.Equal(receivedAt.AddDays(1).AddHours(2), loaded.DecidedAt);
        Assert.Equal(
            [
                (1, ServiceCodeSystem.Cpt, (string?)"93306", "Echocardiogram, complete", new DateOnly(2026, 11, 20), new DateOnly(2027, 5, 19), 2, (string?)null, (int?)2),
                (2, ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 11, 20), new DateOnly(2027, 5, 19), 6, "Monthly", 6),
                (3, ServiceCodeSystem.Cpt, "93224", "Holter monitor, 48 hours", new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 31), 1, null, 1),
            ],
            loaded.Lines.OrderBy(l => l.LineNumber).Select(l => (l.LineNumber, l.CodeSystem, l.Code, l.Description, l.From, l.To, l.RequestedUnits, l.Frequency, l.AuthorizedUnits)));
        Assert.Equal(
            [
                new SarTransition(SarStatus.Draft, SarStatus.Submitted, receivedAt, "provider-user-1", null) { Step = 1 },
                new SarTransition(SarStatus.Submitted, SarStatus.InReview, receivedAt.AddHours(2), "nurse-1", null) { Step = 2 },
                new SarTransition(SarStatus.InReview, SarStatus.PendedForInformation, receivedAt.AddHours(3), "nurse-1", "Please send the discharge summary.") { Step = 3 },
                new SarTransition(SarStatus.PendedForInformation, SarStatus.InReview, receivedAt.AddDays(1), "nurse-1", null) { Step = 4 },
                new SarTransition(SarStatus.InReview, SarStatus.Approved, receivedAt.AddDays(1).AddHours(2), "consultant-7", null) { Step = 5 },
            ],
            loaded.History);
    }

    [Theory, OnBothDatabases]
    public async Task A_sars_history_comes_back_in_the_order_it_happened_however_the_rows_are_stored(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(1, Now.AddDays(-3));
        sar.BeginReview("nurse-1", Now.AddDays(-2));
        sar.PendForInformation("nurse-1", "Please send the clinic note.", Now.AddDays(-1));
        sar.BeginReview("nurse-1", Now);
        await database.AddAsync(sar);
        await using (var db = database.NewContext())
        {
            // PostgreSQL writes an updated row at the end of the table, so a scan now meets the first step last.
            await db.Database.ExecuteSqlRawAsync("UPDATE sar_transitions SET \"ActorId\" = \"ActorId\" WHERE \"Id\" = (SELECT MIN(\"Id\") FROM sar_transitions)");
        }

        await using var check = database.NewContext();
        var loaded = await check.Sars.SingleAsync(s => s.Id == sar.Id);

        Assert.Equal(
            [SarStatus.Submitted, SarStatus.InReview, SarStatus.PendedForInformation, SarStatus.InReview],
            loaded.History.Select(t => t.To));
    }

    [Theory, OnBothDatabases]
    public async Task A_hospital_sar_for_inpatient_days_loads_back_with_its_uncoded_line(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = Sar.Submit(
            SarNumber.Create(TestClock.LosAngeles, 7), cast.Child.Id, cast.Hospital.Id, cast.Hospital.Id, SarFormType.EstablishedClient, "Q21.0",
            expedited: false, expeditedReason: null,
            [new SarLineRequest(ServiceCodeSystem.InpatientDays, null, "Hospital inpatient days", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20), 5)],
            "hospital-user-1", Now.AddDays(-7));
        sar.BeginReview("nurse-1", Now.AddDays(-6));
        sar.Approve("nurse-1", Now.AddDays(-5));
        await database.AddAsync(sar);

        await using var db = database.NewContext();
        var loaded = await db.Sars.SingleAsync(s => s.Id == sar.Id);

        var line = Assert.Single(loaded.Lines);
        Assert.Equal((ServiceCodeSystem.InpatientDays, (string?)null, "Hospital inpatient days", 5, (int?)5), (line.CodeSystem, line.Code, line.Description, line.RequestedUnits, line.AuthorizedUnits));
        Assert.Equal(SarType.HospitalInpatientDays, loaded.Type);
        Assert.Equal(cast.Hospital.Id, loaded.AuthorizedProviderId);
    }

    [Theory, OnBothDatabases]
    public async Task A_denied_sar_loads_back_with_the_reason_the_family_reads(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var sar = cast.SubmitSar(1, Now.AddDays(-5));
        sar.BeginReview("nurse-1", Now.AddDays(-4));
        sar.Deny("nurse-1", "The records do not show the echocardiogram is needed for the heart condition.", Now);
        await database.AddAsync(sar);

        await using var db = database.NewContext();
        var loaded = await db.Sars.SingleAsync(s => s.Id == sar.Id);

        Assert.Equal(SarStatus.Denied, loaded.Status);
        Assert.Equal("The records do not show the echocardiogram is needed for the heart condition.", loaded.DecisionReason);
        Assert.Equal(Now, loaded.DecidedAt);
        Assert.All(loaded.Lines, l => Assert.Null(l.AuthorizedUnits));
        Assert.False(loaded.Expedited);
        Assert.Null(loaded.ExpeditedReason);
        Assert.Null(loaded.FacilityId);
    }

    [Theory, OnBothDatabases]
    public async Task An_extension_loads_back_naming_the_sar_it_extends_and_a_new_request_names_none(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var original = cast.SubmitSar(1, Now.AddDays(-30));
        original.BeginReview("nurse-1", Now.AddDays(-29));
        original.Approve("nurse-1", Now.AddDays(-28));
        var extension = Sar.Submit(SarNumber.Create(TestClock.LosAngeles, 2), cast.Child.Id, cast.Physician.Id, null, SarFormType.EstablishedClient, "Q21.0",
            false, null, [new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit", new DateOnly(2027, 6, 1), new DateOnly(2027, 11, 30), 6)],
            "provider-user-1", Now, extends: original);
        await database.AddAsync(original, extension);

        await using var db = database.NewContext();

        Assert.Equal(original.Number, (await db.Sars.SingleAsync(s => s.Id == extension.Id)).ExtendsNumber);
        Assert.Null((await db.Sars.SingleAsync(s => s.Id == original.Id)).ExtendsNumber);
    }

    [Theory, OnBothDatabases]
    public async Task Identifiers_are_stored_as_their_canonical_text(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var organization = ProviderOrganization.Create("Sunrise Pediatric Specialists", Now);
        var physician = Provider.Enroll(Npi.Parse(" 1234567893 "), "Rosa Alvarez, MD", ProviderType.Physician, organization.Id, Now);
        // A Benefits Identification Card ID typed in lower case is reduced to the CIN it carries.
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse(" 91234567a06123 "), TestClock.LosAngeles, Language.English, Now);
        var sar = Sar.Submit(SarNumber.Parse("19000012344"), child.Id, physician.Id, null, SarFormType.NewReferral, "Q21.0", false, null,
            [new SarLineRequest(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 1)],
            "provider-user-1", Now);
        await database.AddAsync(organization, physician, child, sar);

        await using var db = database.NewContext();

        Assert.Equal(["91234567A"], await db.Database.SqlQueryRaw<string>("SELECT \"Cin\" AS \"Value\" FROM children").ToListAsync());
        Assert.Equal(["1234567893"], await db.Database.SqlQueryRaw<string>("SELECT \"Npi\" AS \"Value\" FROM providers").ToListAsync());
        Assert.Equal(["19000012344"], await db.Database.SqlQueryRaw<string>("SELECT \"Number\" AS \"Value\" FROM sars").ToListAsync());
        Assert.Equal([19], await db.Database.SqlQueryRaw<int>("SELECT \"County\" AS \"Value\" FROM sars").ToListAsync());
        Assert.Equal(1, await db.Children.CountAsync(c => c.Cin == Cin.Parse("91234567A")));
        Assert.Equal(1, await db.Sars.CountAsync(s => s.Number == SarNumber.Parse("19000012344")));
    }

    private static async Task Change(FreshDatabase database, Guid sarId, Action<Sar> change)
    {
        await using var db = database.NewContext();
        var sar = await db.Sars.SingleAsync(s => s.Id == sarId);
        change(sar);
        await db.SaveChangesAsync();
    }
}
