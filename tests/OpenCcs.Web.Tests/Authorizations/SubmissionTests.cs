using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Features.Authorizations;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Authorizations;

/// <summary>
/// The provider's side of SARs over HTTP: submission through the API and the form, idempotent retries,
/// paneling, redirects to Medi-Cal Rx, new referrals, numbering under concurrency, attachments, county
/// fax entry and the shared SAR lookup.
/// </summary>
public abstract class SubmissionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private static DateTime Now => CcsApp.Now.UtcDateTime;

    [Fact]
    public async Task A_paneled_provider_submits_and_gets_the_counties_next_number_visible_in_list_and_details()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var sequenceBefore = await LastSequenceAsync(child.County);

        var response = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = SarNumber.Parse(receipt.GetProperty("number").GetString()!);
        Assert.Equal(child.County, number.County);
        Assert.Equal(sequenceBefore + 1, number.Sequence);
        Assert.Equal($"/api/v1/sars/{number.Value}", response.Headers.Location?.OriginalString);
        Assert.Equal("Submitted", receipt.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(receipt.GetProperty("reviewer").GetString()));
        Assert.Contains(number.Value, await client.GetStringAsync($"/api/v1/sars?cin={child.Cin}&receivedFrom=2026-11-23&receivedTo=2026-11-23"));
        Assert.DoesNotContain(number.Value, await client.GetStringAsync($"/api/v1/sars?cin={child.Cin}&receivedTo=2026-11-22"));
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{number.Value}");
        Assert.Equal("Q21.0", details.GetProperty("diagnosisCode").GetString());
        var created = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == AuditAction.Create && a.RecordType == "Sar" && a.ChildId == child.Id).CountAsync());
        Assert.True(created >= 1);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_by_field()
    {
        var client = await app.ApiClientFor(Roles.Provider);
        var body = new
        {
            formType = "Letter", clientId = "12", dateOfBirth = "30/04/2015", requestingProviderNpi = "123", diagnosisCode = "",
            expedited = true,
            lines = new object[]
            {
                new { codeSystem = "Cpt", code = "99214", description = "Visit", from = "2026-12-10", to = "2026-12-01", units = 1 },
                new { codeSystem = "Cpt", code = "", description = "", from = "soon", to = "2026-12-01", units = 0 },
            },
        };

        var problem = await Responses.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/sars", body), HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var field in new[] { "formType", "clientId", "dateOfBirth", "requestingProviderNpi", "diagnosisCode", "expeditedReason", "lines[0].to", "lines[1].code", "lines[1].description", "lines[1].from", "lines[1].units" })
            Assert.Contains(field, fields);
    }

    [Fact]
    public async Task A_provider_not_paneled_on_the_request_date_is_refused_with_how_to_get_paneled()
    {
        var (child, _) = await ChildWithOpenCaseAsync();
        var npi = await app.WithDbAsync(async db =>
        {
            var org = await db.ProviderOrganizations.Where(o => o.Name == ScopedRecords.ProviderOrganization).Select(o => o.Id).SingleAsync();
            var provider = Provider.Enroll(Npi.FromFirstNine("2" + Random.Shared.Next(10_000_000, 99_999_999)), "Dr. Not Yet Paneled", ProviderType.Physician, org, Now);
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            return provider.Npi.Value;
        });
        var client = await app.ApiClientFor(Roles.Provider);

        var problem = await Responses.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi)), HttpStatusCode.Forbidden);

        Assert.Contains("CCS Panel Application", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_cin_and_a_wrong_date_of_birth_give_the_same_field_error()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);

        var wrongDob = await Responses.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { DateOfBirth = child.DateOfBirth.AddDays(1).ToString("yyyy-MM-dd") }), HttpStatusCode.BadRequest);
        var unknown = await Responses.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { ClientId = "90000000Q" }), HttpStatusCode.BadRequest);

        Assert.Equal(SubmitSar.ClientNotFound, wrongDob.GetProperty("errors").GetProperty("clientId")[0].GetString());
        Assert.Equal(SubmitSar.ClientNotFound, unknown.GetProperty("errors").GetProperty("clientId")[0].GetString());
    }

    [Fact]
    public async Task A_former_cin_with_the_right_date_of_birth_is_told_to_enter_the_current_cin_without_showing_it()
    {
        var (former, current) = await ChildWithReplacedCinAsync(new DateOnly(2026, 10, 1));
        var (_, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var before = await SarCountAsync(current.Id);

        var told = await FieldErrorAsync(await client.PostAsJsonAsync("/api/v1/sars", Body(former, npi) with { FormType = "NewReferral" }), "clientId");
        var wrongDob = await FieldErrorAsync(await client.PostAsJsonAsync("/api/v1/sars",
            Body(former, npi) with { FormType = "NewReferral", DateOfBirth = former.DateOfBirth.AddDays(1).ToString("yyyy-MM-dd") }), "clientId");

        Assert.Equal($"{former.Cin} is a former CIN of this child; it was replaced after 2026-09-30. Enter the child's current CIN or BIC ID.", told);
        Assert.DoesNotContain(current.Cin, told);
        Assert.Equal(SubmitSar.ClientNotFound, wrongDob); // the date of birth must match before anything is told
        Assert.Equal(before, await SarCountAsync(current.Id));
    }

    [Fact]
    public async Task A_search_by_a_former_cin_lists_the_childs_sars()
    {
        var (former, current) = await ChildWithReplacedCinAsync(new DateOnly(2026, 10, 1));
        var (_, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var number = await SubmitAsync(client, Body(current, npi) with { FormType = "NewReferral" });

        Assert.Contains(number, await client.GetStringAsync($"/api/v1/sars?cin={former.Cin}"));
        Assert.Contains(number, await client.GetStringAsync($"/api/v1/sars?cin={current.Cin}"));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_answer_and_creates_nothing()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var key = Guid.NewGuid().ToString();
        var before = await SarCountAsync(child.Id);

        var first = await PostWithKeyAsync(client, Body(child, npi), key);
        var retry = await PostWithKeyAsync(client, Body(child, npi), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString(),
            (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        Assert.Equal(before + 1, await SarCountAsync(child.Id));

        var reused = await PostWithKeyAsync(client, Body(child, npi) with { DiagnosisCode = "Q22.1" }, key);
        var problem = await Responses.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("different request", problem.GetProperty("detail").GetString());
        Assert.Equal(before + 1, await SarCountAsync(child.Id));
    }

    [Fact]
    public async Task An_outpatient_pharmacy_request_by_ndc_is_recorded_as_redirected_to_medi_cal_rx()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var body = Body(child, npi) with { Lines = [new SarLineInput("Ndc", "00002-8215-01", "Insulin lispro", "2026-12-01", "2027-02-28", 3, "monthly")] };

        var response = await client.PostAsJsonAsync("/api/v1/sars", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Redirected", receipt.GetProperty("status").GetString());
        Assert.Contains("Medi-Cal Rx", receipt.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task A_child_without_an_open_case_is_accepted_as_awaiting_eligibility_and_referred_to_intake()
    {
        var (_, npi) = await ChildWithOpenCaseAsync();
        var child = await NewChildWithoutCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);

        var established = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi));
        var problem = await Responses.AssertProblemAsync(established, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("formType", out _));

        var response = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { FormType = "NewReferral" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(receipt.GetProperty("awaitingEligibility").GetBoolean());
        var number = receipt.GetProperty("number").GetString()!;
        var referral = await app.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.ChildId == child.Id));
        Assert.Contains(number, referral.SuspectedCondition);
        Assert.Equal(child.County, referral.County);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{number}");
        Assert.True(details.GetProperty("awaitingEligibility").GetBoolean());
        Assert.Contains("Los Angeles County CCS office", details.GetProperty("reviewer").GetString());
    }

    [Fact]
    public async Task Twenty_concurrent_submissions_in_one_county_get_distinct_consecutive_numbers()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var before = await LastSequenceAsync(child.County);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/v1/sars", Body(child, npi))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var sequences = new List<long>();
        foreach (var response in responses)
            sequences.Add(SarNumber.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!).Sequence);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => before + i), sequences.Order());
        Assert.Equal(before + 20, await LastSequenceAsync(child.County));
    }

    [Fact]
    public async Task Attachments_of_the_wrong_type_or_too_large_are_field_errors_naming_the_file_and_good_ones_are_stored()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var pdf = Convert.ToBase64String("%PDF-1.4 clinic notes"u8.ToArray());
        var tooLarge = Convert.ToBase64String(new byte[16 * 1024 * 1024]);
        var bad = Body(child, npi) with { Attachments = [new("notes.docx", "application/msword", pdf), new("scan.pdf", "application/pdf", tooLarge)] };

        var problem = await Responses.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/sars", bad), HttpStatusCode.BadRequest);

        Assert.Contains("notes.docx", problem.GetProperty("errors").GetProperty("attachments[0]")[0].GetString());
        Assert.Contains("scan.pdf", problem.GetProperty("errors").GetProperty("attachments[1]")[0].GetString());

        var good = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { Attachments = [new("notes.pdf", "application/pdf", pdf)] });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var number = SarNumber.Parse((await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        var stored = await app.WithDbAsync(db => db.SarDocuments.AsNoTracking().Where(d => db.Sars.Any(s => s.Id == d.SarId && s.Number == number)).ToListAsync());
        Assert.Equal("notes.pdf", Assert.Single(stored).FileName);
    }

    [Fact]
    public async Task The_form_page_shows_every_error_next_to_its_field_and_in_the_summary()
    {
        var client = await app.PageClientFor(Roles.Provider);
        var form = await client.GetStringAsync("/Authorizations/Submit");
        Assert.Equal(3, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(form).QuerySelectorAll("input[name$='.description']").Length);

        var response = await client.PostAsync("/Authorizations/Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
            ["formType"] = "EstablishedClient",
            ["lines[0].codeSystem"] = "Cpt",
            ["lines[0].code"] = "99214",
            ["lines[0].description"] = "Visit",
            ["lines[0].from"] = "2026-12-10",
            ["lines[0].to"] = "2026-12-01",
            ["lines[0].units"] = "1",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Responses.HtmlAsync(response);
        var summary = page.QuerySelectorAll("[data-testid=error-summary] li");
        Assert.True(summary.Length >= 5, $"Expected at least 5 problems in the summary, got {summary.Length}.");
        foreach (var id in new[] { "clientId-error", "dateOfBirth-error", "requestingProviderNpi-error", "diagnosisCode-error", "lines-0-to-error" })
            Assert.NotNull(page.GetElementById(id));
        Assert.Equal("Visit", page.QuerySelector("input[name='lines[0].description']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_form_adds_a_line_without_javascript_and_a_valid_submission_lands_on_the_details_page()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.PageClientFor(Roles.Provider);
        var form = await client.GetStringAsync("/Authorizations/Submit");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
            ["formType"] = "EstablishedClient", ["clientId"] = child.Cin, ["dateOfBirth"] = child.DateOfBirth.ToString("yyyy-MM-dd"),
            ["requestingProviderNpi"] = npi, ["diagnosisCode"] = "Q21.0",
            ["lines[0].codeSystem"] = "Cpt", ["lines[0].code"] = "93306", ["lines[0].description"] = "Echocardiogram",
            ["lines[0].from"] = "2026-12-01", ["lines[0].to"] = "2027-02-28", ["lines[0].units"] = "2",
        };

        var more = await client.PostAsync("/Authorizations/Submit?handler=AddLine", new FormUrlEncodedContent(fields));
        var morePage = await Responses.HtmlAsync(more);
        Assert.Equal(4, morePage.QuerySelectorAll("input[name$='.description']").Length);

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
        var file = new ByteArrayContent("%PDF-1.4 notes"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        multipart.Add(file, "attachments", "notes.pdf");
        var response = await client.PostAsync("/Authorizations/Submit", multipart);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var details = await client.GetStringAsync(location);
        Assert.Contains("data-testid=\"submitted\"", details);
        Assert.Contains($"SAR {location.Split('/').Last()} was received", details);
    }

    [Fact]
    public async Task County_intake_enters_a_fax_sar_whose_clock_starts_at_receipt()
    {
        var home = CountyCode.From(DemoAccounts.HomeCounty);
        var child = Of(await app.WithDbAsync(db => ChildQuery(db).Where(c => c.CountyOfResidence == home).FirstAsync()));
        var npi = await app.WithDbAsync(async db => (await db.Providers.AsNoTracking().Where(p => p.Type == ProviderType.Physician).ToListAsync())
            .First(p => p.IsAuthorizedOn(new DateOnly(2026, 11, 20))).Npi.Value);
        var client = await app.ApiClientFor(Roles.CountyIntake);
        var receivedAt = new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc);

        var missing = await Responses.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi)), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("receivedAt", out _));
        var response = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { ReceivedAt = receivedAt });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = SarNumber.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        var sar = await app.WithDbAsync(db => db.Sars.AsNoTracking().SingleAsync(s => s.Number == number));
        Assert.Equal(receivedAt, sar.ReceivedAt);
        Assert.Equal(receivedAt, sar.ClockStartedAt);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientFor(Roles.EligibilityWorker)).PostAsJsonAsync("/api/v1/sars", Body(child, npi))).StatusCode);
    }

    [Fact]
    public async Task The_fax_entry_page_records_the_pacific_received_time_and_refuses_a_missing_one()
    {
        var home = CountyCode.From(DemoAccounts.HomeCounty);
        var child = Of(await app.WithDbAsync(db => ChildQuery(db).Where(c => c.CountyOfResidence == home).FirstAsync()));
        var npi = await app.WithDbAsync(async db => (await db.Providers.AsNoTracking().Where(p => p.Type == ProviderType.Physician).ToListAsync())
            .First(p => p.IsAuthorizedOn(new DateOnly(2026, 11, 20))).Npi.Value);
        var client = await app.PageClientFor(Roles.CountyIntake);
        var form = await client.GetStringAsync("/Authorizations/Enter");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
            ["formType"] = "EstablishedClient", ["clientId"] = child.Cin, ["dateOfBirth"] = child.DateOfBirth.ToString("yyyy-MM-dd"),
            ["requestingProviderNpi"] = npi, ["diagnosisCode"] = "Q21.0",
            ["lines[0].codeSystem"] = "InpatientDays", ["lines[0].description"] = "Hospital stay",
            ["lines[0].from"] = "2026-11-20", ["lines[0].to"] = "2026-11-24", ["lines[0].units"] = "4",
        };

        var missing = await Responses.HtmlAsync(await client.PostAsync("/Authorizations/Enter", new FormUrlEncodedContent(fields)));
        Assert.NotNull(missing.GetElementById("receivedAt-error"));

        fields["receivedAt"] = "2026-11-20T08:30";
        var response = await client.PostAsync("/Authorizations/Enter", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = SarNumber.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var sar = await app.WithDbAsync(db => db.Sars.AsNoTracking().SingleAsync(s => s.Number == number));
        Assert.Equal(new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc), sar.ReceivedAt);
        Assert.Equal(ServiceCodeSystem.InpatientDays, Assert.Single(sar.Lines).CodeSystem);
    }

    [Fact]
    public async Task An_idempotency_key_too_long_to_keep_is_a_validation_problem()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var problem = await Responses.AssertProblemAsync(await PostWithKeyAsync(await app.ApiClientFor(Roles.Provider), Body(child, npi), new string('k', 101)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task A_sharing_provider_sees_the_referring_provider_only_with_the_right_date_of_birth()
    {
        var (approved, dob, providerName, providerNpi) = await app.WithDbAsync(async db =>
        {
            var sar = await db.Sars.AsNoTracking().Where(s => s.Status == SarStatus.Approved && s.Type == SarType.Physician).OrderBy(s => s.Number).FirstAsync();
            var born = await db.Children.Where(c => c.Id == sar.ChildId).Select(c => c.DateOfBirth).SingleAsync();
            var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == (sar.AuthorizedProviderId ?? sar.RequestingProviderId));
            return (sar.Number.Value, born, provider.Name, provider.Npi.Value);
        });
        var client = await app.ApiClientFor(Roles.Provider);
        var before = await app.LastAuditIdAsync();

        var shared = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{approved}/sharing?dateOfBirth={dob:yyyy-MM-dd}");
        var wrong = await client.GetAsync($"/api/v1/sars/{approved}/sharing?dateOfBirth={dob.AddDays(-1):yyyy-MM-dd}");

        Assert.True(shared.GetProperty("approved").GetBoolean());
        Assert.Equal(providerName, shared.GetProperty("referringProviderName").GetString());
        Assert.Equal(providerNpi, shared.GetProperty("referringProviderNpi").GetString());
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Action == AuditAction.Read && e.Outcome == AuditOutcome.Allowed && e.RecordType == "Sar");
        Assert.Contains(events, e => e.Outcome == AuditOutcome.Denied && e.RecordType == "Sar");

        var page = await app.PageClientFor(Roles.Provider);
        var form = await page.GetStringAsync("/Authorizations/Shared");
        var html = await (await page.PostAsync("/Authorizations/Shared", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form), ["number"] = approved, ["dateOfBirth"] = dob.ToString("yyyy-MM-dd"),
        }))).Content.ReadAsStringAsync();
        Assert.Contains(providerNpi, html);
    }

    [Fact]
    public async Task A_special_care_center_sar_tells_the_sharing_provider_to_enter_no_referring_provider()
    {
        var (number, dob) = await app.WithDbAsync(async db =>
        {
            var scc = (await db.Providers.Where(p => p.Type == ProviderType.SpecialCareCenter).ToListAsync()).First(p => p.IsAuthorizedOn(new DateOnly(2026, 11, 23)));
            var child = await ChildQuery(db).FirstAsync();
            var sar = Sar.Submit(SarNumber.Create(child.CountyOfResidence, 99_000_000 + Random.Shared.Next(999_999)), child.Id, scc.Id, null, SarFormType.EstablishedClient, "Q21.0",
                false, null, [new SarLineRequest(ServiceCodeSystem.Cpt, "99215", "Special Care Center team visit", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 4)], "test", Now);
            sar.BeginReview("test", Now);
            sar.Approve("test", SarDecision.AsRequested(sar, SarType.SpecialCareCenter), ReviewRules.WithoutCodeTable, Now);
            db.Sars.Add(sar);
            await db.SaveChangesAsync();
            return (sar.Number.Value, child.DateOfBirth);
        });
        var client = await app.ApiClientFor(Roles.Provider);

        var shared = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{number}/sharing?dateOfBirth={dob:yyyy-MM-dd}");

        Assert.True(shared.GetProperty("specialCareCenter").GetBoolean());
        Assert.Equal(JsonValueKind.Null, shared.GetProperty("referringProviderNpi").ValueKind);
        Assert.Equal("2026-12-01", shared.GetProperty("authorizedFrom").GetString());
        Assert.Contains("no referring provider", shared.GetProperty("instructions").GetString());
    }

    [Fact]
    public async Task An_established_client_request_extends_an_approved_sar_and_names_it()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var original = await SubmitAsync(client, Body(child, npi));

        var tooEarly = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { ExtendsSarNumber = original });
        var unknown = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi) with { ExtendsSarNumber = SarNumber.Create(child.County, 99_999_999).Value });

        Assert.Contains("only an approved SAR", await FieldErrorAsync(tooEarly, "extendsSarNumber"));
        Assert.Contains("found no SAR", await FieldErrorAsync(unknown, "extendsSarNumber"));

        await app.WithDbAsync(async db =>
        {
            var sar = await db.Sars.SingleAsync(s => s.Number == SarNumber.Parse(original));
            sar.BeginReview("nurse", Now);
            sar.Approve("nurse", Now);
            return await db.SaveChangesAsync();
        });
        var extension = await SubmitAsync(client, Body(child, npi) with { ExtendsSarNumber = original, Flags = ["OutOfState"] });

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{extension}");
        Assert.Equal(original, details.GetProperty("extends").GetString());
        Assert.Equal(SarRequestFlags.OutOfState, await app.WithDbAsync(db => db.Sars.Where(s => s.Number == SarNumber.Parse(extension)).Select(s => s.Flags).SingleAsync()));
        Assert.Contains($"SAR <a href=\"/Authorizations/{original}\">{original}</a>", await (await app.PageClientFor(Roles.Provider)).GetStringAsync($"/Authorizations/{extension}"));
    }

    [Fact]
    public async Task The_form_records_request_flags_and_keeps_posting_to_itself_after_adding_a_line()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.PageClientFor(Roles.Provider);
        var form = await client.GetStringAsync("/Authorizations/Submit");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", CcsApp.AntiForgeryToken(form)),
            new("formType", "EstablishedClient"), new("clientId", child.Cin), new("dateOfBirth", child.DateOfBirth.ToString("yyyy-MM-dd")),
            new("requestingProviderNpi", npi), new("diagnosisCode", "Q21.0"), new("flags", "OutOfState"), new("flags", "SecondOpinion"),
            new("lines[0].codeSystem", "Cpt"), new("lines[0].code", "99214"), new("lines[0].description", "Visit"),
            new("lines[0].from", "2026-12-01"), new("lines[0].to", "2027-02-28"), new("lines[0].units", "2"),
        };

        var more = await Responses.HtmlAsync(await client.PostAsync("/Authorizations/Submit?handler=AddLine", new FormUrlEncodedContent(fields)));
        Assert.Equal("/Authorizations/Submit", more.QuerySelector("form.usa-form")!.GetAttribute("action"));
        Assert.True(more.QuerySelector("#flag-SecondOpinion")!.HasAttribute("checked"));

        var response = await client.PostAsync("/Authorizations/Submit", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = response.Headers.Location!.OriginalString.Split('/').Last();
        Assert.Equal(SarRequestFlags.OutOfState | SarRequestFlags.SecondOpinion,
            await app.WithDbAsync(db => db.Sars.Where(s => s.Number == SarNumber.Parse(number)).Select(s => s.Flags).SingleAsync()));
    }

    [Fact]
    public async Task The_provider_form_lists_only_the_organisations_providers_paneled_today()
    {
        var (_, npi) = await ChildWithOpenCaseAsync();
        var elsewhere = await app.WithDbAsync(db => db.Providers.Where(p => db.ProviderOrganizations.Any(o => o.Id == p.OrganizationId && o.Name != ScopedRecords.ProviderOrganization))
            .Select(p => p.Npi).FirstAsync());

        var page = await Responses.HtmlAsync(await (await app.PageClientFor(Roles.Provider)).GetAsync("/Authorizations/Submit"));

        var listed = page.QuerySelectorAll("select#requestingProviderNpi option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(npi, listed);
        Assert.DoesNotContain(elsewhere.Value, listed);
    }

    private static async Task<string> SubmitAsync(HttpClient client, SarSubmissionBody body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/sars", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        return string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    private static SarSubmissionBody Body(TestChild child, string npi) => new(
        FormType: "EstablishedClient", ClientId: child.Cin, DateOfBirth: child.DateOfBirth.ToString("yyyy-MM-dd"), RequestingProviderNpi: npi,
        DiagnosisCode: "Q21.0", Lines: [new SarLineInput("Cpt", "93306", "Echocardiogram, complete", "2026-12-01", "2027-02-28", 2, "once a month")]);

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, SarSubmissionBody body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sars") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static IQueryable<OpenCcs.Core.Children.Child> ChildQuery(OpenCcs.Data.CcsDbContext db) =>
        db.Children.AsNoTracking().Where(c => c.Cin != null && db.Cases.Any(k => k.ChildId == c.Id && k.Status == CaseStatus.Open)).OrderBy(c => c.Id);

    /// <summary>A child with a CIN and an open case, and a provider of the demo provider's organisation paneled today.</summary>
    private Task<(TestChild Child, string Npi)> ChildWithOpenCaseAsync() => app.WithDbAsync(async db =>
    {
        var child = await ChildQuery(db).FirstAsync();
        var org = await db.ProviderOrganizations.Where(o => o.Name == ScopedRecords.ProviderOrganization).Select(o => o.Id).SingleAsync();
        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganizationId == org && p.Type == ProviderType.Physician).ToListAsync();
        var npi = providers.First(p => p.IsAuthorizedOn(new DateOnly(2026, 11, 23))).Npi.Value;
        return (new TestChild(child.Id, child.Cin!.Value.Value, child.DateOfBirth, child.CountyOfResidence), npi);
    });

    private Task<TestChild> NewChildWithoutCaseAsync() => app.WithDbAsync(async db =>
    {
        Cin cin;
        do cin = Cin.Parse($"9{Random.Shared.Next(1_000_000, 9_999_999)}Q");
        while (await db.Children.AnyAsync(c => c.Cin == cin));
        var child = OpenCcs.Core.Children.Child.Register(new PersonName("Nina", "Newreferral"), new DateOnly(2019, 3, 14), cin, CountyCode.From(DemoAccounts.HomeCounty), Language.English, Now);
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return new TestChild(child.Id, cin.Value, child.DateOfBirth, child.CountyOfResidence);
    });

    /// <summary>A new child of the demo county, without a case, whose first CIN was replaced on <paramref name="changedOn"/>.</summary>
    private Task<(TestChild Former, TestChild Current)> ChildWithReplacedCinAsync(DateOnly changedOn) => app.WithDbAsync(async db =>
    {
        var former = await UnusedCinAsync('R');
        var current = await UnusedCinAsync('S');
        var child = OpenCcs.Core.Children.Child.Register(new PersonName("Rafa", "Nuevo"), new DateOnly(2018, 6, 2), former, CountyCode.From(DemoAccounts.HomeCounty), Language.Spanish, Now);
        child.AssignCin(current, changedOn, Now);
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return (new TestChild(child.Id, former.Value, child.DateOfBirth, child.CountyOfResidence), new TestChild(child.Id, current.Value, child.DateOfBirth, child.CountyOfResidence));

        async Task<Cin> UnusedCinAsync(char letter)
        {
            Cin cin;
            do cin = Cin.Parse($"9{Random.Shared.Next(1_000_000, 9_999_999)}{letter}");
            while (await db.Children.AnyAsync(c => c.CinHistory.Any(k => k.Cin == cin)));
            return cin;
        }
    });

    private Task<long> LastSequenceAsync(CountyCode county) =>
        app.WithDbAsync(async db => await db.SarNumberCounters.Where(c => c.CountyCode == county.Value).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync() ?? 0);

    private Task<int> SarCountAsync(Guid childId) => app.WithDbAsync(db => db.Sars.CountAsync(s => s.ChildId == childId));

    private static TestChild Of(OpenCcs.Core.Children.Child c) => new(c.Id, c.Cin!.Value.Value, c.DateOfBirth, c.CountyOfResidence);

    private sealed record TestChild(Guid Id, string Cin, DateOnly DateOfBirth, CountyCode County);
}

public sealed class SubmissionOnSqlite(SqliteApp app) : SubmissionTests<SqliteApp>(app);

public sealed class SubmissionOnPostgres(PostgresApp app) : SubmissionTests<PostgresApp>(app);
