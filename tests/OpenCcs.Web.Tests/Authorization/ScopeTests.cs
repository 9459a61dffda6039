using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Authorization;

/// <summary>
/// Scope: whose records a role reaches. A record outside the caller's scope is not found, exactly as a
/// record that does not exist, and the attempt is audited as denied; a record inside it is shown and audited as read.
/// </summary>
public abstract class ScopeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private const string LosAngeles = "Los Angeles";
    private const string Orange = "Orange";

    [Fact]
    public async Task County_worker_cannot_read_a_child_of_another_county_and_the_attempt_is_audited_as_denied()
    {
        var nurse = DemoAccounts.For(Roles.NurseCaseManager);
        var elsewhere = await app.WithDbAsync(db => ScopedRecords.InCountyAsync(db, ScopedRecords.StateOnlyCounty));
        var api = await app.ApiClientFor(Roles.NurseCaseManager);
        var pages = await app.PageClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();

        var apiResponse = await api.GetAsync($"/api/v1/children/{elsewhere.ChildId}");
        var pageResponse = await pages.GetAsync($"/Children/{elsewhere.ChildId}");

        var problem = await Responses.AssertProblemAsync(apiResponse, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, pageResponse.StatusCode);
        Assert.Contains("We cannot find that page", await pageResponse.Content.ReadAsStringAsync());
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => AssertEvent(e, nurse, AuditOutcome.Denied, "Child", elsewhere.ChildId.ToString(), elsewhere.ChildId));
        Assert.Equal(problem.GetProperty("requestId").GetString(), events[0].RequestId);
    }

    [Fact]
    public async Task County_worker_reads_a_child_of_their_county_and_the_read_is_audited_as_allowed()
    {
        var nurse = DemoAccounts.For(Roles.NurseCaseManager);
        var own = await app.WithDbAsync(db => ScopedRecords.InCountyAsync(db, DemoAccounts.HomeCounty));
        var api = await app.ApiClientFor(Roles.NurseCaseManager);
        var pages = await app.PageClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();

        var child = await api.GetFromJsonAsync<ChildRecord>($"/api/v1/children/{own.ChildId}");
        var page = await pages.GetAsync($"/Children/{own.ChildId}");

        Assert.Equal(own.ChildId, child!.Id);
        Assert.Equal(LosAngeles, child.County);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(child.LastName, await page.Content.ReadAsStringAsync());
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(2, events.Count);
        var userId = await app.UserIdAsync(nurse.Email);
        Assert.All(events, e =>
        {
            AssertEvent(e, nurse, AuditOutcome.Allowed, "Child", own.ChildId.ToString(), own.ChildId);
            Assert.Equal(userId, e.UserId);
        });
        Assert.NotEqual(events[0].RequestId, events[1].RequestId);
    }

    [Fact]
    public async Task Provider_cannot_read_another_organisations_sar_and_the_attempt_is_audited_as_denied()
    {
        var provider = DemoAccounts.For(Roles.Provider);
        var other = await app.WithDbAsync(db =>
        {
            var ours = ScopedRecords.OrganizationProviders(db, ScopedRecords.ProviderOrganization);
            return db.Sars.Where(s => !ours.Contains(s.RequestingProviderId) && (s.FacilityId == null || !ours.Contains(s.FacilityId.Value)))
                .OrderBy(s => s.Number).Select(s => new { s.Id, s.ChildId, s.Number }).FirstAsync();
        });
        var api = await app.ApiClientFor(Roles.Provider);
        var pages = await app.PageClientFor(Roles.Provider);
        var before = await app.LastAuditIdAsync();

        var apiResponse = await api.GetAsync($"/api/v1/sars/{other.Number.Value}");
        var pageResponse = await pages.GetAsync($"/Authorizations/{other.Number.Value}");

        var problem = await Responses.AssertProblemAsync(apiResponse, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, pageResponse.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => AssertEvent(e, provider, AuditOutcome.Denied, "Sar", other.Id.ToString(), other.ChildId));
        Assert.Equal(problem.GetProperty("requestId").GetString(), events[0].RequestId);
    }

    [Fact]
    public async Task Provider_reads_their_own_organisations_sar_and_the_read_is_audited_as_allowed()
    {
        var provider = DemoAccounts.For(Roles.Provider);
        var own = await app.WithDbAsync(db => ScopedRecords.OfOrganizationAsync(db, ScopedRecords.ProviderOrganization));
        var number = SarNumber.Parse(own.SarNumber);
        var sarId = await app.WithDbAsync(db => db.Sars.Where(s => s.Number == number).Select(s => s.Id).SingleAsync());
        var api = await app.ApiClientFor(Roles.Provider);
        var pages = await app.PageClientFor(Roles.Provider);
        var before = await app.LastAuditIdAsync();

        var sar = await api.GetFromJsonAsync<SarRecord>($"/api/v1/sars/{own.SarNumber}");
        var page = await pages.GetAsync($"/Authorizations/{own.SarNumber}");

        Assert.Equal(own.SarNumber, sar!.Number);
        Assert.Equal(own.ChildId, sar.ChildId);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"SAR {own.SarNumber}", await page.Content.ReadAsStringAsync());
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => AssertEvent(e, provider, AuditOutcome.Allowed, "Sar", sarId.ToString(), own.ChildId));
    }

    [Fact]
    public async Task Family_cannot_read_another_familys_child_and_the_attempt_is_audited_as_denied()
    {
        var family = DemoAccounts.For(Roles.Family);
        var (_, otherChild) = await AnotherFamilyAsync();
        var api = await app.ApiClientFor(Roles.Family);
        var pages = await app.PageClientFor(Roles.Family);
        var before = await app.LastAuditIdAsync();

        var apiResponse = await api.GetAsync($"/api/v1/children/{otherChild}");
        var pageResponse = await pages.GetAsync($"/Children/{otherChild}");

        await Responses.AssertProblemAsync(apiResponse, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, pageResponse.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => AssertEvent(e, family, AuditOutcome.Denied, "Child", otherChild.ToString(), otherChild));
    }

    [Fact]
    public async Task Family_reads_their_own_child_but_not_the_demo_familys_children()
    {
        var (email, ownChild) = await AnotherFamilyAsync();
        var demoChild = (await app.RecordsFor(Roles.Family)).ChildId;
        var api = await app.BearerClientAsync(email);
        var before = await app.LastAuditIdAsync();

        var own = await api.GetAsync($"/api/v1/children/{ownChild}");
        var theirs = await api.GetAsync($"/api/v1/children/{demoChild}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(ownChild, (await own.Content.ReadFromJsonAsync<ChildRecord>())!.Id);
        await Responses.AssertProblemAsync(theirs, HttpStatusCode.NotFound);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Collection(events,
            read => AssertEvent(read, new DemoAccount(email, email, Roles.Family), AuditOutcome.Allowed, "Child", ownChild.ToString(), ownChild),
            denied => AssertEvent(denied, new DemoAccount(email, email, Roles.Family), AuditOutcome.Denied, "Child", demoChild.ToString(), demoChild));
    }

    [Fact]
    public async Task County_workers_list_holds_every_child_of_their_county_and_no_other()
    {
        var expected = await ChildIdsInCountyAsync(DemoAccounts.HomeCounty);

        var listed = await ListAllChildrenAsync(await app.ApiClientFor(Roles.NurseCaseManager));

        Assert.All(listed, c => Assert.Equal(LosAngeles, c.County));
        Assert.Equal(expected.Order(), listed.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Plan_reviewers_list_holds_only_children_of_their_whole_child_model_county()
    {
        var expected = await ChildIdsInCountyAsync(DemoAccounts.PlanCounty);

        var listed = await ListAllChildrenAsync(await app.ApiClientFor(Roles.PlanReviewer));

        Assert.All(listed, c => Assert.Equal(Orange, c.County));
        Assert.Equal(expected.Order(), listed.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Familys_list_holds_exactly_their_two_children()
    {
        var account = await app.UserIdAsync(DemoAccounts.For(Roles.Family).Email);
        var expected = await app.WithDbAsync(db => db.Children.Where(c => c.Guardians.Any(g => g.AccountId == account)).Select(c => c.Id).ToListAsync());

        var listed = await ListAllChildrenAsync(await app.ApiClientFor(Roles.Family));

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.Order(), listed.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task State_reviewers_list_holds_every_child_of_every_county()
    {
        var total = await app.WithDbAsync(db => db.Children.CountAsync());

        var listed = await ListAllChildrenAsync(await app.ApiClientFor(Roles.IscdReviewer));

        Assert.Equal(total, listed.Count);
        Assert.Equal(DemoSeed.DemoCounties.Length, listed.Select(c => c.County).Distinct().Count());
    }

    [Fact]
    public async Task Providers_sar_list_holds_exactly_their_organisations_requests()
    {
        var expected = await app.WithDbAsync(async db =>
        {
            var ours = ScopedRecords.OrganizationProviders(db, ScopedRecords.ProviderOrganization);
            var numbers = await db.Sars.Where(s => ours.Contains(s.RequestingProviderId) || (s.FacilityId != null && ours.Contains(s.FacilityId.Value)))
                .Select(s => s.Number).ToListAsync();
            return numbers.Select(n => n.Value).ToList();
        });
        var api = await app.ApiClientFor(Roles.Provider);

        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = await api.GetFromJsonAsync<SarPage>($"/api/v1/sars?pageSize=100&page={page}");
            listed.AddRange(result!.Sars.Select(s => s.Number));
            if (page >= result.Pages) break;
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), listed.Order());
    }

    [Theory]
    [InlineData("/api/v1/children")]
    [InlineData("/api/v1/sars")]
    [InlineData("/api/v1/children/{child}")]
    [InlineData("/api/v1/sars/{sar}")]
    public async Task Administrator_is_refused_child_data(string route)
    {
        var records = await app.RecordsFor(Roles.NurseCaseManager);
        var api = await app.ApiClientFor(Roles.Administrator);
        var before = await app.LastAuditIdAsync();

        var response = await api.GetAsync(route.Replace("{child}", records.ChildId.ToString()).Replace("{sar}", records.SarNumber));

        await Responses.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(await app.AuditEventsAfterAsync(before));
    }

    [Fact]
    public async Task Administrator_is_sent_to_access_denied_from_the_childrens_pages()
    {
        var pages = await app.PageClientFor(Roles.Administrator);

        var response = await pages.GetAsync("/Children");

        Responses.AssertRedirect(response, "/Account/AccessDenied");
    }

    private static void AssertEvent(AuditEvent e, DemoAccount user, AuditOutcome outcome, string recordType, string recordId, Guid childId)
    {
        Assert.Equal(user.Email, e.UserName);
        Assert.Equal(user.Role, e.Role);
        Assert.Equal(AuditAction.Read, e.Action);
        Assert.Equal(outcome, e.Outcome);
        Assert.Equal(recordType, e.RecordType);
        Assert.Equal(recordId, e.RecordId);
        Assert.Equal(childId, e.ChildId);
        Assert.Equal(CcsApp.Now.UtcDateTime, e.At);
        Assert.False(string.IsNullOrWhiteSpace(e.RequestId), "The audit event names no request.");
    }

    /// <summary>A second family account, guardian of a child of its own (not one of the demo family's).</summary>
    private async Task<(string Email, Guid Child)> AnotherFamilyAsync()
    {
        var email = $"family-{Guid.NewGuid():N}@example.org";
        var user = await app.CreateUserAsync(email, Roles.Family);
        var demoFamily = await app.UserIdAsync(DemoAccounts.For(Roles.Family).Email);
        var child = await app.WithDbAsync(async db =>
        {
            var child = await db.Children.Where(c => !c.Guardians.Any(g => g.AccountId != null)).OrderBy(c => c.Id).FirstAsync();
            child.AddGuardian(new PersonName("Olga", child.Name.Last), "Mother", null, user.Id, CcsApp.Now.UtcDateTime);
            await db.SaveChangesAsync();
            return child.Id;
        });
        Assert.False(await app.WithDbAsync(db => db.Children.AnyAsync(c => c.Id == child && c.Guardians.Any(g => g.AccountId == demoFamily))));
        return (email, child);
    }

    private Task<List<Guid>> ChildIdsInCountyAsync(int county)
    {
        var code = CountyCode.From(county);
        return app.WithDbAsync(db => db.Children.Where(c => c.CountyOfResidence == code).Select(c => c.Id).ToListAsync());
    }

    private static async Task<List<ChildRow>> ListAllChildrenAsync(HttpClient api)
    {
        var children = new List<ChildRow>();
        for (var page = 1; ; page++)
        {
            var result = await api.GetFromJsonAsync<ChildPage>($"/api/v1/children?pageSize=100&page={page}");
            children.AddRange(result!.Children);
            if (page >= result.Pages) return children;
        }
    }

    private sealed record ChildPage(List<ChildRow> Children, int Total, int Pages);

    private sealed record ChildRow(Guid Id, string County);

    private sealed record ChildRecord(Guid Id, string FirstName, string LastName, string County);

    private sealed record SarPage(List<SarRow> Sars, int Total, int Pages);

    private sealed record SarRow(string Number);

    private sealed record SarRecord(string Number, Guid ChildId);
}

public sealed class ScopeOnSqlite(SqliteApp app) : ScopeTests<SqliteApp>(app);

public sealed class ScopeOnPostgres(PostgresApp app) : ScopeTests<PostgresApp>(app);
