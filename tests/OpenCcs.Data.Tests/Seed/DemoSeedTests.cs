using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Reference;
using OpenCcs.Data.Seed;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Seed;

public sealed class DemoSeedTests(SeededDatabases seeded) : IClassFixture<SeededDatabases>
{
    private static readonly CountyDirectory Counties = CountyDirectoryLoader.Load();
    private static readonly DateTime Now = SeededDatabases.Now.UtcDateTime;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    [Theory, OnBothDatabases]
    public async Task The_seed_reports_what_it_added(TestDatabase provider)
    {
        var summary = await seeded.SummaryOn(provider);
        await using var db = (await seeded.On(provider)).NewContext();

        Assert.False(summary.AlreadySeeded);
        Assert.Equal(
            (summary.Providers, summary.Children, summary.Referrals, summary.Cases, summary.Sars, summary.Accounts),
            (await db.Providers.CountAsync(), await db.Children.CountAsync(), await db.Referrals.CountAsync(),
                await db.Cases.CountAsync(), await db.Sars.CountAsync(), await db.Users.CountAsync()));
    }

    [Theory, OnBothDatabases]
    public async Task About_fifty_providers_cover_every_provider_type(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var providers = await db.Providers.ToListAsync();

        Assert.InRange(providers.Count, 45, 55);
        Assert.Equal(Enum.GetValues<ProviderType>().Order(), providers.Select(p => p.Type).Distinct().Order());
        Assert.Equal(providers.Count, providers.Select(p => p.Npi).Distinct().Count());
    }

    [Theory, OnBothDatabases]
    public async Task A_few_children_held_a_former_cin_that_covered_every_date_before_their_current_one(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var children = await db.Children.AsNoTracking().ToListAsync();

        var replaced = children.Where(c => c.CinHistory.Count > 1).ToList();
        Assert.InRange(replaced.Count, 5, 15);
        foreach (var child in replaced)
        {
            var (former, current) = (child.CinHistory[0], Assert.Single(child.CinHistory.Skip(1)));
            Assert.Null(former.From);
            Assert.Equal(current.From!.Value.AddDays(-1), former.To);
            Assert.Equal(child.Cin, current.Cin);
            Assert.InRange(current.From.Value, child.DateOfBirth.AddDays(1), Today);
            Assert.Equal(former.Cin, child.CinOn(child.DateOfBirth));
        }
        foreach (var child in children.Where(c => c.Cin is not null).Except(replaced))
        {
            var only = Assert.Single(child.CinHistory);
            Assert.Equal((child.Cin, (DateOnly?)null, (DateOnly?)null), (only.Cin, only.From, only.To));
        }
    }

    [Theory, OnBothDatabases]
    public async Task Hospitals_hold_every_nicu_level(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var hospitals = await db.Providers.Where(p => p.Type == ProviderType.Hospital).ToListAsync();

        var levels = hospitals.Select(h => h.NicuLevelOn(Today)).OfType<NicuLevel>().Distinct().Order();

        Assert.Equal(Enum.GetValues<NicuLevel>().Order(), levels);
    }

    [Theory, OnBothDatabases]
    public async Task Five_hundred_children_live_in_classic_whole_child_model_and_dependent_counties(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var children = await db.Children.ToListAsync();
        var models = children.Select(c => Counties.Get(c.CountyOfResidence).ModelOn(Today)).ToList();

        Assert.Equal(500, children.Count);
        Assert.True(children.Select(c => c.CountyOfResidence).Distinct().Count() >= 10, "The children live in fewer than 10 counties.");
        Assert.Contains(models, m => m.CareModel == CareModel.WholeChildModel);
        Assert.Contains(models, m => m.CareModel == CareModel.Classic);
        Assert.Contains(models, m => m.Administration == Administration.Dependent);
        Assert.Contains(models, m => m.Administration == Administration.Independent);
        Assert.All(children, c => Assert.True(c.IsUnderAgeLimitOn(Today), $"{c.Name} is {c.AgeOn(Today)}, past the CCS age limit."));
    }

    [Theory, OnBothDatabases]
    public async Task Referrals_cases_and_sars_are_spread_over_their_states(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();

        var referralStatuses = await db.Referrals.Select(r => r.Status).Distinct().ToListAsync();
        var caseStatuses = await db.Cases.Select(c => c.Status).Distinct().ToListAsync();
        var sarStatuses = await db.Sars.Select(s => s.Status).Distinct().ToListAsync();

        Assert.Equal(Enum.GetValues<ReferralStatus>().Order(), referralStatuses.Order());
        Assert.Contains(CaseStatus.Open, caseStatuses);
        Assert.True(sarStatuses.Count >= 5, $"The SARs are in only {sarStatuses.Count} statuses: {string.Join(", ", sarStatuses)}.");
        Assert.Contains(SarStatus.Approved, sarStatuses);
        Assert.Contains(SarStatus.Denied, sarStatuses);
    }

    [Theory, OnBothDatabases]
    public async Task Sar_numbers_continue_after_the_last_seeded_sar_in_each_county(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var sars = await db.Sars.ToListAsync();
        var counters = await db.SarNumberCounters.ToDictionaryAsync(c => c.CountyCode, c => c.LastSequence);

        var lastByCounty = sars.GroupBy(s => s.Number.County.Value).ToDictionary(g => g.Key, g => g.Max(s => s.Number.Sequence));

        Assert.Equal(lastByCounty.OrderBy(x => x.Key), counters.OrderBy(x => x.Key));
        Assert.All(sars, s => Assert.Equal(s.County, s.Number.County));
    }

    [Theory, OnBothDatabases]
    public async Task Every_role_has_one_demo_account_with_its_scope(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var accounts = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            select new { Role = role.Name!, user.Email, user.CountyCode, HasOrganization = user.ProviderOrganizationId != null }).ToListAsync();

        Assert.Equal(
            [
                (Roles.Family, "family@demo.openccs.org", (int?)null, false),
                (Roles.Provider, "provider@demo.openccs.org", null, true),
                (Roles.CountyIntake, "intake@demo.openccs.org", DemoAccounts.HomeCounty, false),
                (Roles.EligibilityWorker, "eligibility@demo.openccs.org", DemoAccounts.HomeCounty, false),
                (Roles.NurseCaseManager, "nurse@demo.openccs.org", DemoAccounts.HomeCounty, false),
                (Roles.IscdReviewer, "iscd@demo.openccs.org", null, false),
                (Roles.PlanReviewer, "plan@demo.openccs.org", DemoAccounts.PlanCounty, false),
                (Roles.Administrator, "admin@demo.openccs.org", null, false),
            ],
            accounts.Select(a => (a.Role, a.Email!, a.CountyCode, a.HasOrganization)).OrderBy(a => Roles.All.ToList().IndexOf(a.Role)));
    }

    [Theory, OnBothDatabases]
    public async Task The_demo_family_guards_children_in_its_county(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var family = await db.Users.SingleAsync(u => u.Email == DemoAccounts.For(Roles.Family).Email);

        var children = await db.Children.Where(c => c.Guardians.Any(g => g.AccountId == family.Id)).ToListAsync();

        Assert.NotEmpty(children);
        Assert.All(children, c => Assert.Equal(CountyCode.From(DemoAccounts.HomeCounty), c.CountyOfResidence));
    }

    [Theory, OnBothDatabases]
    public async Task The_demo_provider_works_for_an_organization_with_providers(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == DemoAccounts.For(Roles.Provider).Email);

        var organization = await db.ProviderOrganizations.SingleAsync(o => o.Id == user.ProviderOrganizationId);

        Assert.True(await db.Providers.AnyAsync(p => p.OrganizationId == organization.Id), $"{organization.Name} has no providers.");
    }

    [Fact]
    public void The_demo_plan_reviewer_works_in_a_whole_child_model_county()
    {
        var plan = Counties.Get(CountyCode.From(DemoAccounts.PlanCounty)).ModelOn(Today);

        Assert.Equal(CareModel.WholeChildModel, plan.CareModel);
        Assert.False(string.IsNullOrWhiteSpace(plan.PlanName));
    }

    [Theory, OnBothDatabases]
    public async Task Demo_accounts_sign_in_with_the_demo_password(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var users = await db.Users.ToListAsync();
        var hasher = new PasswordHasher<CcsUser>();

        Assert.Equal(DemoAccounts.All.Count, users.Count);
        Assert.All(users, u => Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(u, u.PasswordHash!, DemoAccounts.Password)));
        Assert.All(users, u => Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash!, "not-the-password")));
    }

    [Theory, OnBothDatabases]
    public async Task Nothing_in_the_demo_data_happens_after_the_seed_clock(TestDatabase provider)
    {
        await using var db = (await seeded.On(provider)).NewContext();
        var children = await db.Children.ToListAsync();
        var providers = await db.Providers.ToListAsync();
        var organizations = await db.ProviderOrganizations.ToListAsync();
        var referrals = await db.Referrals.ToListAsync();
        var cases = await db.Cases.ToListAsync();
        var sars = await db.Sars.ToListAsync();

        var instants = children.SelectMany(c => new[] { c.CreatedAt, c.UpdatedAt })
            .Concat(providers.SelectMany(p => new[] { p.CreatedAt, p.UpdatedAt }))
            .Concat(organizations.SelectMany(o => new[] { o.CreatedAt, o.UpdatedAt }))
            .Concat(referrals.SelectMany(r => new[] { r.ReceivedAt, r.CreatedAt, r.UpdatedAt }))
            .Concat(cases.SelectMany(c => new[] { c.CreatedAt, c.UpdatedAt }))
            .Concat(sars.SelectMany(s => new[] { s.ReceivedAt, s.CreatedAt, s.UpdatedAt }))
            .Concat(sars.Select(s => s.DecidedAt).OfType<DateTime>())
            .Concat(sars.SelectMany(s => s.History.Select(t => t.At)))
            .ToList();
        var dates = children.Select(c => c.DateOfBirth)
            .Concat(cases.Select(c => c.OpenedOn))
            .Concat(cases.Select(c => c.ClosedOn).OfType<DateOnly>())
            .Concat(providers.SelectMany(p => p.PanelPeriods.Select(x => x.From)))
            .ToList();

        Assert.True(instants.Count > 5000, $"Only {instants.Count} instants were checked.");
        Assert.All(instants, at => Assert.True(at <= Now, $"{at:O} is after the seed clock {Now:O}."));
        Assert.All(dates, d => Assert.True(d <= Today, $"{d:yyyy-MM-dd} is after the seed date {Today:yyyy-MM-dd}."));
        Assert.All(sars, s => Assert.Equal(s.History.Select(t => t.At).Order(), s.History.Select(t => t.At)));
    }

    [Theory, OnBothDatabases]
    public async Task Seeding_again_adds_nothing(TestDatabase provider)
    {
        var (database, _) = await SeededDatabases.SeedAsync(provider);
        await using var _database = database;
        var before = await Counts(database);

        await using var db = database.NewContext();
        var again = await new DemoSeed(db, new FakeTimeProvider(SeededDatabases.Now.AddDays(1))).RunAsync();

        Assert.True(again.AlreadySeeded);
        Assert.Equal((0, 0, 0, 0, 0, 0), (again.Providers, again.Children, again.Referrals, again.Cases, again.Sars, again.Accounts));
        Assert.Equal(before, await Counts(database));
    }

    [Theory, OnBothDatabases]
    public async Task The_same_seed_gives_the_same_demo_data(TestDatabase provider)
    {
        var (first, _) = await SeededDatabases.SeedAsync(provider, seed: 7);
        var (second, _) = await SeededDatabases.SeedAsync(provider, seed: 7);
        await using var _first = first;
        await using var _second = second;

        var one = await Fingerprint(first);
        var two = await Fingerprint(second);

        Assert.Equal(one.Children, two.Children);
        Assert.Equal(one.Providers, two.Providers);
        Assert.Equal(one.Sars, two.Sars);
    }

    [Theory, OnBothDatabases]
    public async Task A_different_seed_gives_different_children(TestDatabase provider)
    {
        var (other, _) = await SeededDatabases.SeedAsync(provider, seed: 7);
        await using var _other = other;

        var usual = await Fingerprint(await seeded.On(provider));
        var different = await Fingerprint(other);

        Assert.Equal(usual.Children.Count, different.Children.Count);
        Assert.Empty(usual.Children.Intersect(different.Children));
    }

    private static async Task<(int, int, int, int, int, int, int, int)> Counts(FreshDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.Providers.CountAsync(), await db.ProviderOrganizations.CountAsync(), await db.Children.CountAsync(),
            await db.Referrals.CountAsync(), await db.Cases.CountAsync(), await db.Sars.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync());
    }

    /// <summary>
    /// What a user would recognise: CINs, names, birth dates, NPIs, SAR numbers, statuses and dates, in a stable order
    /// (owned collections other than SAR history are sorted: the database does not keep their order).
    /// </summary>
    private static async Task<(List<string> Children, List<string> Providers, List<string> Sars)> Fingerprint(FreshDatabase database)
    {
        await using var db = database.NewContext();
        var children = (await db.Children.AsNoTracking().ToListAsync())
            .Select(c => $"{c.Cin}|{c.Name}|{c.DateOfBirth:yyyy-MM-dd}|{c.CountyOfResidence}|{c.Language}|{string.Join(";", c.Guardians.Select(g => $"{g.Name} {g.Relationship} {g.Phone}").Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal).ToList();
        var providers = (await db.Providers.AsNoTracking().ToListAsync())
            .Select(p => $"{p.Npi}|{p.Name}|{p.Type}|{string.Join(";", p.PanelPeriods.Select(x => x.ToString()).Order(StringComparer.Ordinal))}|{string.Join(";", p.Approvals.Select(x => x.ToString()).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal).ToList();
        var sars = (await db.Sars.AsNoTracking().ToListAsync())
            .Select(s => $"{s.Number}|{s.Status}|{s.ReceivedAt:O}|{s.DiagnosisCode}|{string.Join(";", s.Lines.OrderBy(l => l.LineNumber).Select(l => $"{l.Code} {l.From:yyyy-MM-dd} {l.To:yyyy-MM-dd} {l.RequestedUnits}"))}|{string.Join(";", s.History.Select(t => $"{t.To} {t.At:O}"))}")
            .Order(StringComparer.Ordinal).ToList();
        return (children, providers, sars);
    }
}
