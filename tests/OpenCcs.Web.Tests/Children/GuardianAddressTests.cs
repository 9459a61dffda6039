using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Children;

/// <summary>Where a family's letters are mailed: who may change it, how mistakes are shown, and that changes are audited.</summary>
public abstract class GuardianAddressTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    [Fact]
    public async Task County_staff_see_every_address_problem_at_once_then_save_and_the_child_page_shows_it()
    {
        var records = await app.RecordsFor(Roles.EligibilityWorker);
        var client = await app.PageClientFor(Roles.EligibilityWorker);
        var path = $"/Children/{records.ChildId}/Guardians/{records.GuardianId}/Address";
        var form = await client.GetStringAsync(path);

        var refused = await Responses.HtmlAsync(await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
            ["street"] = "", ["unit"] = "Apt 9", ["city"] = "Los Angeles", ["state"] = "California", ["zipCode"] = "900",
        })));

        Assert.NotNull(refused.GetElementById("street-error"));
        Assert.NotNull(refused.GetElementById("state-error"));
        Assert.NotNull(refused.GetElementById("zipCode-error"));
        Assert.Null(refused.GetElementById("city-error"));
        Assert.Equal("Apt 9", refused.GetElementById("unit")!.GetAttribute("value"));
        Assert.Contains("3 problems to correct", refused.GetElementById("error-summary")!.TextContent);
        Assert.NotEqual("Apt 9", (await AddressAsync(records.ChildId, records.GuardianId))?.Unit);

        var before = await app.LastAuditIdAsync();
        var saved = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
            ["street"] = "1400 West Temple Street", ["unit"] = "Apt 9", ["city"] = "Los Angeles", ["state"] = "ca", ["zipCode"] = "90026",
        }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Children/{records.ChildId}", saved.Headers.Location!.OriginalString);
        Assert.Equal(new PostalAddress("1400 West Temple Street", "Apt 9", "Los Angeles", "CA", "90026"), await AddressAsync(records.ChildId, records.GuardianId));
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Action == AuditAction.Update && e.RecordType == "Child" && e.ChildId == records.ChildId);
        var details = await client.GetStringAsync($"/Children/{records.ChildId}");
        Assert.Contains("1400 West Temple Street, Apt 9, Los Angeles, CA 90026", details);
    }

    [Fact]
    public async Task A_family_member_changes_their_own_address_but_not_another_guardians()
    {
        var records = await app.RecordsFor(Roles.Family);
        var family = await app.ApiClientFor(Roles.Family);
        var other = await app.WithDbAsync(db => db.Children.Where(c => c.Id == records.ChildId).SelectMany(c => c.Guardians)
            .Where(g => g.Id != records.GuardianId).Select(g => g.Id).FirstAsync());
        var otherBefore = await AddressAsync(records.ChildId, other);
        var address = new { street = "88 Shaw Avenue", unit = "Unit B", city = "Clovis", state = "CA", zipCode = "93612-0001" };

        var own = await family.PutAsJsonAsync($"/api/v1/children/{records.ChildId}/guardians/{records.GuardianId}/address", address);
        var theirs = await family.PutAsJsonAsync($"/api/v1/children/{records.ChildId}/guardians/{other}/address", address);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(new PostalAddress("88 Shaw Avenue", "Unit B", "Clovis", "CA", "93612-0001"), await AddressAsync(records.ChildId, records.GuardianId));
        var problem = await Responses.AssertProblemAsync(theirs, HttpStatusCode.Forbidden);
        Assert.Contains("own mailing address", problem.GetProperty("detail").GetString());
        Assert.Equal(otherBefore, await AddressAsync(records.ChildId, other));
    }

    [Fact]
    public async Task An_invalid_address_over_the_api_names_each_field_and_changes_nothing()
    {
        var records = await app.RecordsFor(Roles.NurseCaseManager);
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var before = await AddressAsync(records.ChildId, records.GuardianId);

        var response = await nurse.PutAsJsonAsync($"/api/v1/children/{records.ChildId}/guardians/{records.GuardianId}/address",
            new { street = "1 Main St", city = "", state = "CA", zipCode = "ABCDE" });

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("city", out _));
        Assert.True(errors.TryGetProperty("zipCode", out _));
        Assert.False(errors.TryGetProperty("street", out _));
        Assert.Equal(before, await AddressAsync(records.ChildId, records.GuardianId));
    }

    [Fact]
    public async Task County_staff_cannot_change_an_address_in_another_county_and_the_attempt_is_audited()
    {
        var elsewhere = await app.RecordsFor(Roles.IscdReviewer); // a child in a county no county account works in
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();
        var addressBefore = await AddressAsync(elsewhere.ChildId, elsewhere.GuardianId);

        var response = await nurse.PutAsJsonAsync($"/api/v1/children/{elsewhere.ChildId}/guardians/{elsewhere.GuardianId}/address",
            new { street = "1 Main St", city = "Sacramento", state = "CA", zipCode = "95814" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Outcome == AuditOutcome.Denied && e.ChildId == elsewhere.ChildId);
        Assert.Equal(addressBefore, await AddressAsync(elsewhere.ChildId, elsewhere.GuardianId));
    }

    private Task<PostalAddress?> AddressAsync(Guid childId, int guardianId) =>
        app.WithDbAsync(async db => (await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId)).Guardians.Single(g => g.Id == guardianId).Address);
}

public sealed class GuardianAddressOnSqlite(SqliteApp app) : GuardianAddressTests<SqliteApp>(app);

public sealed class GuardianAddressOnPostgres(PostgresApp app) : GuardianAddressTests<PostgresApp>(app);
