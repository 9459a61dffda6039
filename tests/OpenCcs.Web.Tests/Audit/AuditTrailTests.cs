using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Web.Tests.Authorization;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Audit;

/// <summary>
/// The audit trail: every look at a child's record is one append-only event, and administrators can
/// find events by outcome, role and child through the API and the audit page.
/// </summary>
public abstract class AuditTrailTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    [Theory]
    [InlineData(Surface.Api, "/api/v1/children/{0}")]
    [InlineData(Surface.Page, "/Children/{0}")]
    public async Task Reading_a_child_writes_exactly_one_read_event(Surface surface, string route)
    {
        var child = (await app.RecordsFor(Roles.NurseCaseManager)).ChildId;
        var client = surface == Surface.Api ? await app.ApiClientFor(Roles.NurseCaseManager) : await app.PageClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();

        var response = await client.GetAsync(string.Format(route, child));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = Assert.Single(await app.AuditEventsAfterAsync(before));
        Assert.Equal(AuditAction.Read, read.Action);
        Assert.Equal(AuditOutcome.Allowed, read.Outcome);
        Assert.Equal("Child", read.RecordType);
        Assert.Equal(child, read.ChildId);
        Assert.Equal(DemoAccounts.For(Roles.NurseCaseManager).Email, read.UserName);
    }

    [Fact]
    public async Task Audit_api_filtered_by_outcome_returns_only_denied_events()
    {
        var arranged = await ArrangeReadsAsync();
        var admin = await app.ApiClientFor(Roles.Administrator);

        var all = await admin.GetFromJsonAsync<AuditPage>("/api/v1/audit?pageSize=200");
        var denied = await admin.GetFromJsonAsync<AuditPage>("/api/v1/audit?outcome=Denied&pageSize=200");

        Assert.NotEmpty(denied!.Events);
        Assert.All(denied.Events, e => Assert.Equal("Denied", e.Outcome));
        Assert.Contains(denied.Events, e => e.ChildId == arranged.DeniedChild && e.UserName == DemoAccounts.For(Roles.NurseCaseManager).Email);
        Assert.True(denied.Total < all!.Total, "Filtering by outcome left every event in.");
    }

    [Fact]
    public async Task Audit_api_filtered_by_role_returns_only_that_roles_events()
    {
        var arranged = await ArrangeReadsAsync();
        var admin = await app.ApiClientFor(Roles.Administrator);

        var all = await admin.GetFromJsonAsync<AuditPage>("/api/v1/audit?pageSize=200");
        var family = await admin.GetFromJsonAsync<AuditPage>($"/api/v1/audit?role={Roles.Family}&pageSize=200");

        Assert.NotEmpty(family!.Events);
        Assert.All(family.Events, e => Assert.Equal(Roles.Family, e.Role));
        Assert.Contains(family.Events, e => e.ChildId == arranged.FamilyChild && e.Action == "Read");
        Assert.True(family.Total < all!.Total, "Filtering by role left every event in.");
    }

    [Fact]
    public async Task Audit_api_filtered_by_child_returns_every_event_of_that_child_and_no_other()
    {
        var arranged = await ArrangeReadsAsync();
        var expected = await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ChildId == arranged.NurseChild));
        var admin = await app.ApiClientFor(Roles.Administrator);

        var events = await admin.GetFromJsonAsync<AuditPage>($"/api/v1/audit?childId={arranged.NurseChild}&pageSize=200");

        Assert.True(expected > 0);
        Assert.Equal(expected, events!.Total);
        Assert.Equal(expected, events.Events.Count);
        Assert.All(events.Events, e => Assert.Equal(arranged.NurseChild, e.ChildId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Audit_event_cannot_be_changed_through_the_database_context(bool saveAsync)
    {
        var original = await NewestEventAfterAReadAsync();

        var refused = await app.WithDbAsync(async db =>
        {
            var stored = await db.AuditEvents.SingleAsync(a => a.Id == original.Id);
            db.Entry(stored).Property(a => a.RecordId).CurrentValue = "tampered";
            return await Record.ExceptionAsync(() => saveAsync ? db.SaveChangesAsync() : Task.FromResult(db.SaveChanges()));
        });

        Assert.IsType<InvalidOperationException>(refused);
        Assert.Equal(original.RecordId, await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Id == original.Id).Select(a => a.RecordId).SingleAsync()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Audit_event_cannot_be_deleted_through_the_database_context(bool saveAsync)
    {
        var original = await NewestEventAfterAReadAsync();

        var refused = await app.WithDbAsync(async db =>
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(a => a.Id == original.Id));
            return await Record.ExceptionAsync(() => saveAsync ? db.SaveChangesAsync() : Task.FromResult(db.SaveChanges()));
        });

        Assert.IsType<InvalidOperationException>(refused);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Id == original.Id)));
    }

    [Fact]
    public async Task Audit_page_lists_the_filtered_events_and_shows_the_filter_values_again()
    {
        var arranged = await ArrangeReadsAsync();
        var admin = await app.PageClientFor(Roles.Administrator);

        var response = await admin.GetAsync($"/Admin/Audit?user=nurse%40demo&role={Roles.NurseCaseManager}&outcome=Denied&from=2026-11-23&to=2026-11-23");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Responses.HtmlAsync(response);
        Assert.Equal("nurse@demo", page.QuerySelector("input#user")?.GetAttribute("value"));
        Assert.Equal(Roles.NurseCaseManager, page.QuerySelector("select#role option[selected]")?.GetAttribute("value"));
        Assert.Equal("Denied", page.QuerySelector("select#outcome option[selected]")?.GetAttribute("value"));
        Assert.Equal("2026-11-23", page.QuerySelector("input#from")?.GetAttribute("value"));
        Assert.Equal("2026-11-23", page.QuerySelector("input#to")?.GetAttribute("value"));
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, cells =>
        {
            Assert.Equal(DemoAccounts.For(Roles.NurseCaseManager).Email, cells[1]);
            Assert.Equal(Roles.NurseCaseManager, cells[2]);
            Assert.Equal("Denied", cells[4]);
        });
        Assert.Contains(rows, cells => cells[6] == arranged.DeniedChild.ToString()[..8]);
    }

    [Fact]
    public async Task Audit_page_filtered_by_child_keeps_the_child_in_the_form()
    {
        var arranged = await ArrangeReadsAsync();
        var admin = await app.PageClientFor(Roles.Administrator);

        var page = await Responses.HtmlAsync(await admin.GetAsync($"/Admin/Audit?childId={arranged.NurseChild}"));

        Assert.Equal(arranged.NurseChild.ToString(), page.QuerySelector("form input[type=hidden][name=childId]")?.GetAttribute("value"));
        var children = page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td")[6].TextContent.Trim()).ToList();
        Assert.NotEmpty(children);
        Assert.All(children, c => Assert.Equal(arranged.NurseChild.ToString()[..8], c));
    }

    /// <summary>A refused read by the nurse, and allowed reads by the nurse and the family.</summary>
    private async Task<(Guid DeniedChild, Guid NurseChild, Guid FamilyChild)> ArrangeReadsAsync()
    {
        var elsewhere = await app.WithDbAsync(db => ScopedRecords.InCountyAsync(db, ScopedRecords.StateOnlyCounty));
        var nurseChild = (await app.RecordsFor(Roles.NurseCaseManager)).ChildId;
        var familyChild = (await app.RecordsFor(Roles.Family)).ChildId;
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var family = await app.ApiClientFor(Roles.Family);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/api/v1/children/{elsewhere.ChildId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync($"/api/v1/children/{nurseChild}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await family.GetAsync($"/api/v1/children/{familyChild}")).StatusCode);
        return (elsewhere.ChildId, nurseChild, familyChild);
    }

    private async Task<AuditEvent> NewestEventAfterAReadAsync()
    {
        var before = await app.LastAuditIdAsync();
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync($"/api/v1/children/{(await app.RecordsFor(Roles.NurseCaseManager)).ChildId}")).StatusCode);
        return Assert.Single(await app.AuditEventsAfterAsync(before));
    }

    private sealed record AuditPage(List<AuditRow> Events, int Total, int Pages);

    private sealed record AuditRow(long Id, string UserName, string Role, string Action, string Outcome, string RecordType, Guid? ChildId, string RequestId);
}

public sealed class AuditTrailOnSqlite(SqliteApp app) : AuditTrailTests<SqliteApp>(app);

public sealed class AuditTrailOnPostgres(PostgresApp app) : AuditTrailTests<PostgresApp>(app);
