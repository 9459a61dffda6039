using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data.Identity;

namespace OpenCcs.Data.Seed;

/// <summary>
/// Synthetic demo data: providers across types, children across counties (Classic, Whole Child Model,
/// dependent), referrals, cases and SARs in a spread of states, and one account per role.
/// Deterministic for a given seed so screenshots and tests see the same data. No real person is in it.
/// </summary>
public sealed class DemoSeed(CcsDbContext db, TimeProvider clock)
{
    public const string SeedActor = "demo-seed";

    /// <summary>Los Angeles, San Diego, Sacramento, Kern, Fresno, Alameda (Classic); Orange, Santa Cruz, San Mateo,
    /// Humboldt (Whole Child Model); Mariposa, San Benito (dependent).</summary>
    public static readonly int[] DemoCounties = [19, 37, 34, 15, 10, 1, 30, 44, 41, 12, 22, 35];

    private static readonly (string Code, string Condition)[] Diagnoses =
    [
        ("Q21.0", "Ventricular septal defect"), ("E10.9", "Type 1 diabetes"), ("G80.0", "Spastic quadriplegic cerebral palsy"),
        ("C91.00", "Acute lymphoblastic leukemia"), ("Q37.9", "Cleft palate with cleft lip"), ("D57.1", "Sickle cell disease"),
        ("D66", "Hemophilia A"), ("H90.3", "Bilateral sensorineural hearing loss"), ("Q05.9", "Spina bifida"),
        ("E84.9", "Cystic fibrosis"), ("G40.909", "Epilepsy"), ("P07.14", "Very low birth weight newborn"),
    ];

    private static readonly (ServiceCodeSystem System, string? Code, string Description, ProviderType For)[] Services =
    [
        (ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", ProviderType.Physician),
        (ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", ProviderType.Physician),
        (ServiceCodeSystem.Cpt, "97110", "Physical therapy, therapeutic exercise", ProviderType.Therapist),
        (ServiceCodeSystem.Cpt, "92557", "Comprehensive audiometry", ProviderType.Audiologist),
        (ServiceCodeSystem.Hcpcs, "A4253", "Blood glucose test strips, per 50", ProviderType.Pharmacy),
        (ServiceCodeSystem.Hcpcs, "E0570", "Nebulizer with compressor", ProviderType.Pharmacy),
        (ServiceCodeSystem.InpatientDays, null, "Hospital inpatient days", ProviderType.Hospital),
        (ServiceCodeSystem.Cpt, "99215", "Special Care Center team visit", ProviderType.SpecialCareCenter),
        (ServiceCodeSystem.Cpt, "85025", "Complete blood count", ProviderType.Laboratory),
    ];

    public async Task<SeedSummary> RunAsync(int seed = 2026, CancellationToken cancellationToken = default)
    {
        await RoleSeed.EnsureRolesAsync(db, cancellationToken);
        if (await db.Children.AnyAsync(cancellationToken))
            return new SeedSummary(AlreadySeeded: true, 0, 0, 0, 0, 0, 0);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var spanish = new Faker("es_MX") { Random = new Randomizer(seed + 1) };

        var (organizations, providers) = MakeProviders(faker, now);
        var children = MakeChildren(faker, spanish, today, now);
        var counters = new Dictionary<int, long>();
        var referrals = new List<Referral>();
        var cases = new List<CcsCase>();
        var sars = new List<Sar>();
        var referringProviders = providers.Where(p => p.Type is ProviderType.Physician or ProviderType.Hospital).ToList();

        foreach (var child in children)
        {
            var diagnosis = faker.PickRandom(Diagnoses);
            var received = now.AddDays(-faker.Random.Int(1, 900)).AddMinutes(-faker.Random.Int(0, 600));
            var referrer = faker.PickRandom(referringProviders);
            var referral = Referral.Receive(child.Id, child.CountyOfResidence, ReferrerKind.Physician, referrer.Name, referrer.Id,
                diagnosis.Condition, diagnosis.Code, received);
            referrals.Add(referral);
            var outcome = faker.Random.Int(0, 99);
            if (outcome < 10) continue;
            if (outcome < 15)
            {
                referral.Decline("The documented condition is not a CCS-eligible condition.", Earlier(received.AddDays(12), now));
                continue;
            }
            var program = faker.Random.Int(0, 9) == 0 ? CaseProgram.MedicalTherapyProgram : CaseProgram.CaseManagement;
            var opened = Earlier(received.AddDays(faker.Random.Int(3, 30)), now.AddHours(-1));
            var ccsCase = CcsCase.Open(child.Id, child.CountyOfResidence, program, diagnosis.Code, DateOnly.FromDateTime(opened), opened);
            referral.Accept(ccsCase.Id, opened);
            cases.Add(ccsCase);
            if (faker.Random.Int(0, 19) == 0 && opened.AddDays(200) < now)
                ccsCase.Close(DateOnly.FromDateTime(opened).AddDays(200), "Family moved out of state.", opened.AddDays(200));
            for (var i = faker.Random.Int(1, 4); i > 0; i--)
                sars.Add(MakeSar(faker, child, diagnosis.Code, providers, counters, opened, now));
        }

        var accounts = MakeAccounts(children, organizations[0]);
        db.ProviderOrganizations.AddRange(organizations);
        db.Providers.AddRange(providers);
        db.Children.AddRange(children);
        db.Cases.AddRange(cases);
        db.Referrals.AddRange(referrals);
        db.Sars.AddRange(sars);
        db.SarNumberCounters.AddRange(counters.Select(c => new SarNumberCounter { CountyCode = c.Key, LastSequence = c.Value }));
        await AddAccountsAsync(accounts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SeedSummary(false, providers.Count, children.Count, referrals.Count, cases.Count, sars.Count, accounts.Count);
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static (List<ProviderOrganization>, List<Provider>) MakeProviders(Faker faker, DateTime now)
    {
        var organizations = new List<ProviderOrganization>
        {
            ProviderOrganization.Create("Sunrise Pediatric Specialists", now),
            ProviderOrganization.Create("Golden Valley Children's Hospital", now),
            ProviderOrganization.Create("Coastal Children's Medical Center", now),
            ProviderOrganization.Create("Sierra Pediatric Therapy Group", now),
            ProviderOrganization.Create("Bayside Community Pharmacy", now),
            ProviderOrganization.Create("Central Valley Pediatric Associates", now),
            ProviderOrganization.Create("Harbor Children's Laboratory", now),
            ProviderOrganization.Create("Redwood Hearing and Speech Center", now),
        };
        var providers = new List<Provider>();
        var npis = new HashSet<string>();
        Npi NextNpi()
        {
            while (true)
            {
                var npi = Npi.FromFirstNine("1" + faker.Random.Replace("########"));
                if (npis.Add(npi.Value)) return npi;
            }
        }
        var panelStart = new DateOnly(2015, 1, 1);
        void Individual(ProviderType type, ProviderOrganization org, string name, bool paneled = true)
        {
            var p = Provider.Enroll(NextNpi(), name, type, org.Id, now);
            if (paneled) p.Panel(panelStart.AddDays(faker.Random.Int(0, 2000)), null, now);
            providers.Add(p);
        }
        void Facility(ProviderType type, ProviderOrganization org, string name, NicuLevel? nicu, bool hrif = false)
        {
            var p = Provider.Enroll(NextNpi(), name, type, org.Id, now);
            p.Approve(type == ProviderType.Hospital ? FacilityApprovalKind.Hospital : FacilityApprovalKind.SpecialCareCenter, null, panelStart, null, now);
            if (nicu is { } level) p.Approve(FacilityApprovalKind.Nicu, level, panelStart, null, now);
            if (hrif) p.Approve(FacilityApprovalKind.HighRiskInfantFollowUp, null, panelStart, null, now);
            providers.Add(p);
        }
        string Doctor() => $"{faker.Name.FirstName()} {faker.Name.LastName()}, MD";

        Facility(ProviderType.Hospital, organizations[1], "Golden Valley Children's Hospital", NicuLevel.Regional, hrif: true);
        Facility(ProviderType.Hospital, organizations[2], "Coastal Children's Medical Center", NicuLevel.Intermediate);
        Facility(ProviderType.Hospital, organizations[5], "Central Valley Community Hospital", NicuLevel.Community);
        Facility(ProviderType.Hospital, organizations[2], "Coastal Surgical Pavilion", null);
        Facility(ProviderType.Hospital, organizations[1], "Golden Valley North Campus", NicuLevel.Intermediate);
        Facility(ProviderType.Hospital, organizations[5], "Foothill Regional Medical Center", null);
        foreach (var scc in new[] { "Cardiology", "Hematology/Oncology", "Cystic Fibrosis", "Craniofacial", "Endocrine/Diabetes", "Neuromuscular" })
            Facility(ProviderType.SpecialCareCenter, faker.PickRandom(organizations[0], organizations[1], organizations[2]), $"{scc} Special Care Center", null);
        for (var i = 0; i < 20; i++)
            Individual(ProviderType.Physician, faker.PickRandom(organizations[0], organizations[1], organizations[2], organizations[5]), Doctor(), paneled: i != 19);
        for (var i = 0; i < 7; i++)
            Individual(ProviderType.Therapist, organizations[3], $"{faker.Name.FirstName()} {faker.Name.LastName()}, PT");
        for (var i = 0; i < 5; i++)
            Individual(ProviderType.Pharmacy, organizations[4], $"Bayside Pharmacy #{i + 1}");
        for (var i = 0; i < 3; i++)
            Individual(ProviderType.Laboratory, organizations[6], $"Harbor Children's Laboratory, site {i + 1}");
        Individual(ProviderType.Audiologist, organizations[7], $"{faker.Name.FirstName()} {faker.Name.LastName()}, AuD");
        Individual(ProviderType.Audiologist, organizations[7], $"{faker.Name.FirstName()} {faker.Name.LastName()}, AuD");
        Individual(ProviderType.NursePractitioner, organizations[0], $"{faker.Name.FirstName()} {faker.Name.LastName()}, NP");
        Individual(ProviderType.NursePractitioner, organizations[5], $"{faker.Name.FirstName()} {faker.Name.LastName()}, NP");
        return (organizations, providers);
    }

    // A real city and ZIP code in each demo county, so the demo letters have an address to be mailed to.
    private static readonly Dictionary<int, (string City, string Zip)> DemoTowns = new()
    {
        [19] = ("Los Angeles", "90012"), [37] = ("San Diego", "92101"), [34] = ("Sacramento", "95814"), [15] = ("Bakersfield", "93301"),
        [10] = ("Fresno", "93721"), [1] = ("Oakland", "94612"), [30] = ("Santa Ana", "92701"), [44] = ("Santa Cruz", "95060"),
        [41] = ("Redwood City", "94063"), [12] = ("Eureka", "95501"), [22] = ("Mariposa", "95338"), [35] = ("Hollister", "95023"),
    };

    private static List<Child> MakeChildren(Faker faker, Faker spanish, DateOnly today, DateTime now)
    {
        var children = new List<Child>();
        // Addresses draw from their own generator so adding them left every other seeded value as it was.
        var streets = new Faker("en") { Random = new Randomizer(8_675_309) };
        var cins = new HashSet<string>();
        // A few children had another CIN before the one they hold now, so the demo shows a CIN history. Drawn from its
        // own generator too, so every other seeded value stays as it was.
        var former = new Faker("en") { Random = new Randomizer(4_242) };
        for (var i = 0; i < 500; i++)
        {
            var language = faker.Random.WeightedRandom([Language.English, Language.Spanish, Language.Vietnamese, Language.Chinese, Language.Hmong], [0.64f, 0.28f, 0.03f, 0.03f, 0.02f]);
            var names = language == Language.Spanish ? spanish : faker;
            var last = names.Name.LastName();
            var dob = today.AddDays(-faker.Random.Int(20, 20 * 365));
            Cin? cin = null;
            if (faker.Random.Int(0, 9) > 0)
            {
                string text;
                do text = "9" + faker.Random.Replace("#######") + faker.Random.Char('A', 'Z'); while (!cins.Add(text));
                cin = Cin.Parse(text);
            }
            // The first children are the demo family's, in the demo county.
            var county = i < 2 ? DemoAccounts.HomeCounty : faker.Random.WeightedRandom(DemoCounties, [0.3f, 0.12f, 0.1f, 0.08f, 0.08f, 0.08f, 0.08f, 0.04f, 0.04f, 0.04f, 0.02f, 0.02f]);
            // One child in fifty first held a former CIN, replaced some months ago by the one drawn above.
            var child = Child.Register(new PersonName(names.Name.FirstName(), last), dob, cin is not null && i % 50 == 3 ? FormerCin() : cin,
                CountyCode.From(county), language, now);
            if (child.Cin != cin) child.AssignCin(cin!.Value, ChangedOn(dob), now);
            child.AddGuardian(new PersonName(names.Name.FirstName(), last), faker.PickRandom("Mother", "Father", "Legal guardian", "Grandmother"),
                faker.Phone.PhoneNumber("(###) ###-####"), null, now, AddressIn(streets, county));
            children.Add(child);
        }
        return children;

        Cin FormerCin()
        {
            string text;
            do text = "9" + former.Random.Replace("#######") + former.Random.Char('A', 'Z'); while (!cins.Add(text));
            return Cin.Parse(text);
        }

        DateOnly ChangedOn(DateOnly dob)
        {
            var changedOn = today.AddDays(-former.Random.Int(30, 540));
            return changedOn > dob ? changedOn : dob.AddDays(1);
        }
    }

    private static PostalAddress AddressIn(Faker streets, int county)
    {
        var (city, zip) = DemoTowns[county];
        var unit = streets.Random.Int(0, 3) == 0 ? $"Apt {streets.Random.Int(1, 40)}" : null;
        return new PostalAddress(streets.Address.StreetAddress(), unit, city, "CA", zip);
    }

    private static Sar MakeSar(Faker faker, Child child, string diagnosis, List<Provider> providers, Dictionary<int, long> counters, DateTime after, DateTime now)
    {
        var service = faker.PickRandom(Services);
        var span = Math.Max(0.01, (now - after).TotalDays);
        var received = after.AddDays(faker.Random.Double(0, span * 0.98));
        var from = DateOnly.FromDateTime(received).AddDays(faker.Random.Int(0, 14));
        var provider = faker.PickRandom(providers.Where(p => p.Type == service.For && p.IsAuthorizedOn(DateOnly.FromDateTime(received))).ToList());
        var county = child.CountyOfResidence.Value;
        counters[county] = counters.GetValueOrDefault(county) + 1;
        var number = SarNumber.Create(child.CountyOfResidence, counters[county]);
        var to = from.AddMonths(faker.PickRandom(1, 3, 6, 12));
        var expedited = faker.Random.Int(0, 9) == 0;
        var line = new SarLineRequest(service.System, service.Code, service.Description, from, to,
            service.System == ServiceCodeSystem.InpatientDays ? faker.Random.Int(2, 14) : faker.Random.Int(1, 12));
        var sar = Sar.Submit(number, child.Id, provider.Id, provider.IsFacility ? provider.Id : null, SarFormType.EstablishedClient, diagnosis,
            expedited, expedited ? "Child is being discharged and needs the service at home." : null, [line], SeedActor, received);
        var age = (now - received).TotalDays;
        var roll = faker.Random.Int(0, 99);
        if (age < 10 && roll < 50) return sar;
        sar.BeginReview(SeedActor, Earlier(received.AddHours(4), now));
        if (age < 10 && roll < 80) return sar;
        var decided = Earlier(received.AddDays(faker.Random.Double(0.5, Math.Max(0.6, Math.Min(age, 6.5)))), now);
        if (roll < 70) sar.Approve(SeedActor, decided);
        else if (roll < 82) sar.Deny(SeedActor, "The documentation does not show the service is needed for the CCS-eligible condition.", decided);
        else if (roll < 92) sar.PendForInformation(SeedActor, "Please send the most recent clinic note.", decided);
        else sar.Cancel(SeedActor, "The provider withdrew the request.", decided);
        return sar;
    }

    private List<CcsUser> MakeAccounts(List<Child> children, ProviderOrganization providerOrg)
    {
        var users = DemoAccounts.All.Select(a => new CcsUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = a.Email,
            NormalizedUserName = a.Email.ToUpperInvariant(),
            Email = a.Email,
            NormalizedEmail = a.Email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = a.DisplayName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CountyCode = a.Role switch
            {
                Roles.CountyIntake or Roles.EligibilityWorker or Roles.NurseCaseManager => DemoAccounts.HomeCounty,
                Roles.PlanReviewer => DemoAccounts.PlanCounty,
                _ => null,
            },
            ProviderOrganizationId = a.Role == Roles.Provider ? providerOrg.Id : null,
        }).ToList();
        var family = users.Single(u => u.Email == DemoAccounts.For(Roles.Family).Email);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var child in children.Take(2))
            child.AddGuardian(new PersonName("Maria", child.Name.Last), "Mother", "(555) 010-2026", family.Id, now,
                new PostalAddress("1400 West Temple Street", "Apt 3", "Los Angeles", "CA", "90026"));
        return users;
    }

    private async Task AddAccountsAsync(List<CcsUser> users, CancellationToken cancellationToken)
    {
        var hasher = new PasswordHasher<CcsUser>();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var user in users)
        {
            user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
            db.Users.Add(user);
            var role = DemoAccounts.All.Single(a => a.Email == user.Email).Role;
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
        }
    }
}

public sealed record SeedSummary(bool AlreadySeeded, int Providers, int Children, int Referrals, int Cases, int Sars, int Accounts);
