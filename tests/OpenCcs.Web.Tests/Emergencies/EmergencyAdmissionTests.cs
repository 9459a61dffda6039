using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Providers;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Features;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Emergencies;

/// <summary>
/// Emergency admissions at hospitals that are not CCS-approved, over HTTP on both databases: reported by the
/// hospital with the next business day as the due time, tracked by the child's county until the transfer to a
/// CCS-approved hospital. The app's clock stands at Monday 2026-11-23, 1 p.m. in California.
/// </summary>
public abstract class EmergencyAdmissionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private const string Path = "/api/v1/emergency-admissions";

    [Fact]
    public async Task A_hospital_reports_an_emergency_admission_due_by_the_end_of_the_next_business_day_and_the_county_tracks_it()
    {
        var child = await ChildAsync(openCase: true, skip: 0);
        var before = await app.LastAuditIdAsync();

        // Admitted on Friday night: the next business day is Monday, so a report on Monday afternoon is on time.
        var reported = await ReportAsync(await app.ApiClientFor(Roles.Provider), child, "2026-11-20T22:15");

        Assert.Equal(new DateTime(2026, 11, 20, 22, 15, 0), Display.ToPacific(reported.GetProperty("admittedAt").GetDateTime()));
        var due = Display.ToPacific(reported.GetProperty("dueAt").GetDateTime());
        Assert.Equal((new DateOnly(2026, 11, 23), 23, 59), (DateOnly.FromDateTime(due), due.Hour, due.Minute));
        Assert.False(reported.GetProperty("referredLate").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("documentationReceivedAt").ValueKind);
        Assert.True(reported.GetProperty("awaitingTransfer").GetBoolean());
        var id = reported.GetProperty("id").GetGuid();
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Action == AuditAction.Create && e.RecordType == "EmergencyAdmission" && e.RecordId == id.ToString() && e.ChildId == child.Id);

        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        Assert.Contains(id, await ListAsync(nurse, ""));
        var page = await (await app.PageClientFor(Roles.NurseCaseManager)).GetStringAsync("/Emergencies");
        Assert.Contains($"/Emergencies/{id}", page);
        Assert.Contains("Memorial Community Hospital", page);
    }

    [Fact]
    public async Task A_report_after_the_next_business_day_is_recorded_late_its_missing_documents_overdue_and_listed_first()
    {
        var child = await ChildAsync(openCase: true, skip: 1);
        var provider = await app.ApiClientFor(Roles.Provider);
        var onTime = (await ReportAsync(provider, child, "2026-11-22T08:00")).GetProperty("id").GetGuid();

        var late = await ReportAsync(provider, child, "2026-11-18T09:30");

        Assert.True(late.GetProperty("referredLate").GetBoolean());
        Assert.True(late.GetProperty("documentationOverdue").GetBoolean());
        var listed = await ListAsync(await app.ApiClientFor(Roles.NurseCaseManager), "");
        Assert.True(listed.IndexOf(late.GetProperty("id").GetGuid()) < listed.IndexOf(onTime), "The overdue admission comes first.");
    }

    [Fact]
    public async Task Documents_received_end_the_overdue_flag_and_a_second_recording_is_refused()
    {
        var child = await ChildAsync(openCase: true, skip: 2);
        var late = await ReportAsync(await app.ApiClientFor(Roles.Provider), child, "2026-11-18T09:30");
        var id = late.GetProperty("id").GetGuid();
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);

        var received = await nurse.PostAsJsonAsync($"{Path}/{id}/documentation", new { version = late.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var after = await received.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("documentationOverdue").GetBoolean());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after.GetProperty("documentationReceivedAt").GetDateTime().ToUniversalTime());
        var again = await nurse.PostAsJsonAsync($"{Path}/{id}/documentation", new { version = after.GetProperty("version").GetInt32() });
        var problem = await Responses.AssertProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("already received", problem.GetProperty("errors").GetProperty("at")[0].GetString());
    }

    [Fact]
    public async Task A_report_for_a_child_without_an_open_case_reaches_county_intake_as_a_referral()
    {
        var child = await ChildAsync(openCase: false, skip: 0);
        var before = await ReferralsAsync(child.Id);

        await ReportAsync(await app.ApiClientFor(Roles.Provider), child, "2026-11-22T03:40");

        var added = (await ReferralsAsync(child.Id)).Except(before).ToList();
        Assert.Equal("Emergency admission at Memorial Community Hospital: Respiratory failure; congenital heart disease suspected.", Assert.Single(added));
    }

    [Fact]
    public async Task Every_problem_of_a_report_is_given_by_field_and_nothing_is_stored()
    {
        var provider = await app.ApiClientFor(Roles.Provider);
        var count = await app.WithDbAsync(db => db.EmergencyAdmissions.CountAsync());

        var response = await provider.PostAsJsonAsync(Path, new { clientId = "12345", dateOfBirth = "11/02/2015", hospitalName = " ", admittedAt = "last night" });
        var future = await provider.PostAsJsonAsync(Path, new { clientId = "12345", dateOfBirth = "2015-11-02", hospitalName = "Memorial", admittedAt = "2026-11-24T09:00", condition = "x" });

        var errors = (await Responses.AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["admittedAt", "clientId", "condition", "dateOfBirth", "hospitalName"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("2026-12-03T22:15", errors.GetProperty("admittedAt")[0].GetString());
        var futureErrors = (await Responses.AssertProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("The date and time of the admission cannot be in the future.", futureErrors.GetProperty("admittedAt")[0].GetString());
        Assert.Equal(count, await app.WithDbAsync(db => db.EmergencyAdmissions.CountAsync()));
    }

    [Fact]
    public async Task The_transfer_must_be_to_a_CCS_approved_hospital_and_ends_the_tracking()
    {
        var child = await ChildAsync(openCase: true, skip: 3);
        var reported = await ReportAsync(await app.ApiClientFor(Roles.CountyIntake), child, "2026-11-22T11:00");
        var id = reported.GetProperty("id").GetGuid();
        var version = reported.GetProperty("version").GetInt32();
        var (approved, notApproved) = await HospitalsAsync();
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);

        var refused = await nurse.PostAsJsonAsync($"{Path}/{id}/transfer", new { version, hospitalNpi = notApproved.Npi.Value, at = "2026-11-23T09:00" });
        var moved = await nurse.PostAsJsonAsync($"{Path}/{id}/transfer", new { version, hospitalNpi = approved.Npi.Value, at = "2026-11-23T09:00" });
        var stale = await nurse.PostAsJsonAsync($"{Path}/{id}/documentation", new { version });

        var problem = await Responses.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("is not a CCS-approved hospital on 2026-11-23", problem.GetProperty("errors").GetProperty("hospitalNpi")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(approved.Name, after.GetProperty("transferredTo").GetString());
        Assert.False(after.GetProperty("awaitingTransfer").GetBoolean());
        await Responses.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.DoesNotContain(id, await ListAsync(nurse, ""));
        Assert.Contains(id, await ListAsync(nurse, "?includeTransferred=true"));
    }

    [Fact]
    public async Task Another_countys_emergency_admission_is_not_found_and_the_attempt_is_audited()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var county = CountyCode.From(ScopedRecords.StateOnlyCounty);
            var childId = await db.Children.Where(c => c.CountyOfResidence == county).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var admission = EmergencyAdmission.Report(childId, county, "Valley General", app.Clock.GetUtcNow().UtcDateTime.AddHours(-5), app.Clock.GetUtcNow().UtcDateTime, false);
            db.EmergencyAdmissions.Add(admission);
            await db.SaveChangesAsync();
            return admission.Id;
        });
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();

        var read = await nurse.GetAsync($"{Path}/{id}");
        var write = await nurse.PostAsJsonAsync($"{Path}/{id}/documentation", new { version = 1 });
        var page = await (await app.PageClientFor(Roles.NurseCaseManager)).GetAsync($"/Emergencies/{id}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(id, await ListAsync(nurse, "?includeTransferred=true"));
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(3, events.Count(e => e.RecordType == "EmergencyAdmission" && e.RecordId == id.ToString() && e.Outcome == AuditOutcome.Denied));
        Assert.Null(await app.WithDbAsync(db => db.EmergencyAdmissions.Where(a => a.Id == id).Select(a => a.DocumentationReceivedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_report_form_shows_every_problem_and_keeps_what_was_typed_then_a_nurse_records_the_transfer_on_the_page()
    {
        var pages = await app.PageClientFor(Roles.NurseCaseManager);
        var form = await pages.GetStringAsync("/Emergencies/Report");
        var child = await ChildAsync(openCase: true, skip: 4);

        var invalid = await pages.PostAsync("/Emergencies/Report", Form(form, ("clientId", child.Cin), ("dateOfBirth", ""), ("hospitalName", "Memorial Community Hospital")));
        var html = await invalid.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("There are 3 problems to correct", html);
        Assert.Contains("Enter the child&#x27;s date of birth.", html);
        Assert.Contains($"value=\"{child.Cin}\"", html);

        var saved = await pages.PostAsync("/Emergencies/Report", Form(form, ("clientId", child.Cin), ("dateOfBirth", child.DateOfBirth.ToString("yyyy-MM-dd")),
            ("hospitalName", "Memorial Community Hospital"), ("admittedAt", "2026-11-22T06:00"), ("condition", "Seizures; epilepsy suspected.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/Emergencies/[0-9a-f-]{36}$", details);
        var page = await pages.GetStringAsync(details);
        Assert.Contains("is reported to the county CCS office", page);
        var (approved, _) = await HospitalsAsync();

        var transfer = await pages.PostAsync($"{details}?handler=Transfer", Form(page, ("version", Version(page)), ("hospitalNpi", approved.Npi.Value), ("at", "")));

        Responses.AssertRedirect(transfer, details);
        Assert.Contains($"{approved.Name}, 11/23/2026", await pages.GetStringAsync(details));
    }

    // Arrangement and reading helpers.

    private sealed record TestChild(Guid Id, string Cin, DateOnly DateOfBirth);

    private static async Task<JsonElement> ReportAsync(HttpClient client, TestChild child, string admittedAt)
    {
        var response = await client.PostAsJsonAsync(Path, new
        {
            clientId = child.Cin, dateOfBirth = child.DateOfBirth.ToString("yyyy-MM-dd"), hospitalName = "Memorial Community Hospital", admittedAt,
            condition = "Respiratory failure; congenital heart disease suspected.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<Guid>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Path}{query}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    /// <summary>A child of the demo county with a CIN, with or without an open case; <paramref name="skip"/> keeps tests apart.</summary>
    private Task<TestChild> ChildAsync(bool openCase, int skip) => app.WithDbAsync(async db =>
    {
        var home = CountyCode.From(DemoAccounts.HomeCounty);
        var child = await db.Children.AsNoTracking()
            .Where(c => c.Cin != null && c.CountyOfResidence == home && db.Cases.Any(k => k.ChildId == c.Id && k.Status == CaseStatus.Open) == openCase)
            .OrderBy(c => c.Id).Skip(skip).Select(c => new { c.Id, c.Cin, c.DateOfBirth }).FirstAsync();
        return new TestChild(child.Id, child.Cin!.Value.ToString(), child.DateOfBirth);
    });

    private Task<List<string>> ReferralsAsync(Guid childId) =>
        app.WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.SuspectedCondition).ToListAsync());

    /// <summary>A hospital CCS-approved on the test's day, and a provider that is not.</summary>
    private Task<(Provider Approved, Provider NotApproved)> HospitalsAsync() => app.WithDbAsync(async db =>
    {
        var day = new DateOnly(2026, 11, 23);
        var providers = await db.Providers.AsNoTracking().ToListAsync();
        bool Approved(Provider p) => p.Type == ProviderType.Hospital && p.Approvals.Any(a => a.Kind is FacilityApprovalKind.Hospital && a.Period.Contains(day));
        return (providers.OrderBy(p => p.Npi.Value, StringComparer.Ordinal).First(Approved), providers.OrderBy(p => p.Npi.Value, StringComparer.Ordinal).First(p => !Approved(p)));
    });

    private static string Version(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", CcsApp.AntiForgeryToken(page))));
}

public sealed class EmergencyAdmissionsOnSqlite(SqliteApp app) : EmergencyAdmissionTests<SqliteApp>(app);

public sealed class EmergencyAdmissionsOnPostgres(PostgresApp app) : EmergencyAdmissionTests<PostgresApp>(app);
