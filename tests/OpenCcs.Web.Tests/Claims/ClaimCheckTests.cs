using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Claims;

/// <summary>
/// The claim check over HTTP on both databases, against SARs made through the SAR workflow (a provider submits
/// through the API, the county nurse approves through the API): JSON claims, 837 files, the portal form, and who may check.
/// </summary>
public abstract class ClaimCheckTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private static readonly DateOnly ServiceDate = new(2026, 12, 5);

    [Fact]
    public async Task A_claim_that_matches_its_approved_SAR_pays_and_the_SAR_read_is_audited()
    {
        var sar = await ApprovedSarAsync();
        var before = await app.LastAuditIdAsync();

        var answer = await CheckAsync(await app.ApiClientFor(Roles.Provider), Claim(sar));

        Assert.True(answer.GetProperty("pays").GetBoolean(), answer.ToString());
        var line = Assert.Single(answer.GetProperty("lines").EnumerateArray());
        Assert.True(line.GetProperty("pays").GetBoolean());
        Assert.Empty(line.GetProperty("findings").EnumerateArray());
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Action == AuditAction.Read && e.RecordType == "Sar" && e.ChildId == sar.ChildId && e.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task A_claim_without_a_SAR_number_is_denied_with_carc_15()
    {
        var sar = await ApprovedSarAsync();

        var answer = await CheckAsync(await app.ApiClientFor(Roles.Provider), Claim(sar) with { PriorAuthorization = null });

        var finding = Assert.Single(Findings(answer, line: 1), f => f.GetProperty("ruleId").GetString() == ClaimRules.SarMissing);
        AssertCode(finding, "CARC", "15");
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("fix").GetString()));
    }

    [Fact]
    public async Task A_claim_for_another_child_than_the_SARs_is_denied_with_carc_197()
    {
        var sar = await ApprovedSarAsync();
        var otherCin = await app.WithDbAsync(db => db.Children.Where(c => c.Cin != null && c.Id != sar.ChildId).Select(c => c.Cin!.Value).FirstAsync());

        var answer = await CheckAsync(await app.ApiClientFor(Roles.Provider), Claim(sar) with { MemberId = otherCin.Value });

        var finding = Assert.Single(Findings(answer, line: 1), f => f.GetProperty("ruleId").GetString() == ClaimRules.SarOtherClient);
        AssertCode(finding, "CARC", "197");
    }

    [Fact]
    public async Task A_line_dated_before_the_childs_cin_changed_is_denied_with_cin_not_for_date_when_billed_with_the_new_cin_and_pays_with_the_former()
    {
        var child = await ChildWithReplacedCinAsync(changedOn: new DateOnly(2026, 11, 1));
        var sar = await ApprovedSarAsync(child: child, from: "2026-10-01");
        var provider = await app.ApiClientFor(Roles.Provider);
        var beforeChange = new LineBody(1, "2026-10-20", "99214", 1, "11");
        var afterChange = new LineBody(1, "2026-11-10", "99214", 1, "11");

        var newCinBefore = await CheckAsync(provider, Claim(sar) with { MemberId = child.Cin, Lines = [beforeChange] });
        var formerCinBefore = await CheckAsync(provider, Claim(sar) with { MemberId = child.FormerCin, Lines = [beforeChange] });
        var newCinAfter = await CheckAsync(provider, Claim(sar) with { MemberId = child.Cin, Lines = [afterChange] });
        var formerCinAfter = await CheckAsync(provider, Claim(sar) with { MemberId = child.FormerCin, Lines = [afterChange] });

        var finding = Assert.Single(Findings(newCinBefore, line: 1));
        Assert.Equal(ClaimRules.CinNotForDate, finding.GetProperty("ruleId").GetString());
        AssertCode(finding, "CARC", "31");
        Assert.Contains($"CIN {child.FormerCin} covers that date", finding.GetProperty("message").GetString());
        Assert.Contains(child.FormerCin, finding.GetProperty("fix").GetString());
        Assert.True(formerCinBefore.GetProperty("pays").GetBoolean(), formerCinBefore.ToString());
        Assert.True(newCinAfter.GetProperty("pays").GetBoolean(), newCinAfter.ToString());
        Assert.Equal(ClaimRules.CinNotForDate, Assert.Single(Findings(formerCinAfter, line: 1)).GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Units_beyond_the_authorised_four_across_two_lines_deny_the_second_line_with_carc_198()
    {
        var sar = await ApprovedSarAsync(units: 4);
        var claim = Claim(sar) with { Lines = [Line(units: 3), Line(units: 2, lineNumber: 2)] };

        var answer = await CheckAsync(await app.ApiClientFor(Roles.Provider), claim);

        Assert.Empty(Findings(answer, line: 1));
        var finding = Assert.Single(Findings(answer, line: 2), f => f.GetProperty("ruleId").GetString() == ClaimRules.UnitsExceeded);
        AssertCode(finding, "CARC", "198");
    }

    [Fact]
    public async Task A_provider_sharing_the_SAR_pays_only_with_the_authorised_provider_as_referring_provider()
    {
        var sar = await ApprovedSarAsync();
        var (lab, labNpi) = await LaboratoryAccountAsync();
        var shared = Claim(sar) with { BillingNpi = labNpi, Lines = [Line(code: "99214")] };

        var without = await CheckAsync(lab, shared);
        var with = await CheckAsync(lab, shared with { ReferringNpi = sar.PhysicianNpi });

        Assert.Contains(Findings(without, line: 1), f => f.GetProperty("ruleId").GetString() == ClaimRules.ProviderNotAuthorized);
        Assert.True(with.GetProperty("pays").GetBoolean(), with.ToString());
    }

    [Fact]
    public async Task A_provider_cannot_check_another_organisations_claim()
    {
        var sar = await ApprovedSarAsync();
        var (lab, _) = await LaboratoryAccountAsync();
        var before = await app.LastAuditIdAsync();

        var response = await lab.PostAsJsonAsync("/api/v1/claims/check", Claim(sar));

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("your organisation", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(await app.AuditEventsAfterAsync(before), e => e.RecordType == "Sar" && e.ChildId == sar.ChildId);
    }

    [Fact]
    public async Task A_county_nurse_checks_a_claim_against_a_SAR_of_her_county()
    {
        var sar = await ApprovedSarAsync();

        var answer = await CheckAsync(await app.ApiClientFor(Roles.NurseCaseManager), Claim(sar));

        Assert.True(answer.GetProperty("pays").GetBoolean(), answer.ToString());
    }

    [Fact]
    public async Task A_county_nurse_cannot_check_a_claim_against_another_countys_SAR_and_the_attempt_is_audited()
    {
        var elsewhere = await app.WithDbAsync(db => ScopedRecords.InCountyAsync(db, ScopedRecords.StateOnlyCounty));
        var sar = await ApprovedSarAsync();
        var before = await app.LastAuditIdAsync();

        var response = await (await app.ApiClientFor(Roles.NurseCaseManager)).PostAsJsonAsync("/api/v1/claims/check", Claim(sar) with { PriorAuthorization = elsewhere.SarNumber });

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(elsewhere.SarNumber, problem.GetProperty("detail").GetString());
        Assert.Contains(await app.AuditEventsAfterAsync(before), e => e.Outcome == AuditOutcome.Denied && e.RecordType == "Sar" && e.ChildId == elsewhere.ChildId);
    }

    [Fact]
    public async Task Both_claim_check_routes_are_in_the_OpenAPI_document()
    {
        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/claims/check\"", document);
        Assert.Contains("\"/api/v1/claims/check-x12\"", document);
        Assert.Contains("application/edi-x12", document);
        Assert.Contains("ClaimCheckRequest", document);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_or_a_line_without_a_date_is_a_problem_naming_the_field()
    {
        var client = await app.ApiClientFor(Roles.Provider);
        var wrongType = new StringContent("""{"memberId":"91234567A","lines":[{"from":"2026-12-05","procedureCode":"99214","units":"three"}]}""", Encoding.UTF8, "application/json");

        var typed = await Responses.AssertProblemAsync(await client.PostAsync("/api/v1/claims/check", wrongType), HttpStatusCode.BadRequest);
        var shaped = await Responses.AssertProblemAsync(
            await client.PostAsJsonAsync("/api/v1/claims/check", new { memberId = "91234567A", lines = new[] { new { procedureCode = "99214", units = 1 } } }), HttpStatusCode.BadRequest);

        Assert.True(typed.GetProperty("errors").TryGetProperty("lines[0].units", out _), typed.ToString());
        Assert.True(shaped.GetProperty("errors").TryGetProperty("lines[0].from", out _), shaped.ToString());
    }

    [Fact]
    public async Task An_837_file_gets_an_answer_for_every_line_with_its_segment_number()
    {
        var sar = await ApprovedSarAsync(units: 4);
        var file = X12File.Professional(sar.PhysicianNpi, sar.Cin,
            new X12File.Claim("PCN-1", sar.Number, [("99214", 3m)]),
            new X12File.Claim("PCN-2", sar.Number, [("99214", 1m), ("99214", 1m)]),
            new X12File.Claim("PCN-3", null, [("99214", 1m)]));

        var response = await (await app.ApiClientFor(Roles.Provider)).PostAsync("/api/v1/claims/check-x12", X12Content(file.Text));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, answer.GetProperty("claimCount").GetInt32());
        Assert.Equal(4, answer.GetProperty("lineCount").GetInt32());
        var claims = answer.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(["PCN-1", "PCN-2", "PCN-3"], claims.Select(c => c.GetProperty("reference").GetString()));
        Assert.Equal(file.LineSegments, claims.SelectMany(c => c.GetProperty("lines").EnumerateArray()).Select(l => l.GetProperty("segmentNumber").GetInt32()));
        Assert.True(claims[0].GetProperty("pays").GetBoolean(), claims[0].ToString());
        var second = claims[1].GetProperty("lines").EnumerateArray().ToList();
        Assert.True(second[0].GetProperty("pays").GetBoolean());
        Assert.Contains(second[1].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetProperty("value").GetString() == "198");
        Assert.Contains(claims[2].GetProperty("lines")[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == ClaimRules.SarMissing);
    }

    [Fact]
    public async Task An_837_file_can_be_uploaded_as_a_form_file()
    {
        var sar = await ApprovedSarAsync();
        var file = X12File.Professional(sar.PhysicianNpi, sar.Cin, new X12File.Claim("PCN-UP", sar.Number, [("99214", 1m)]));
        using var form = new MultipartFormDataContent { { X12Content(file.Text), "file", "claims.837" } };

        var response = await (await app.ApiClientFor(Roles.Provider)).PostAsync("/api/v1/claims/check-x12", form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("claims")[0].GetProperty("pays").GetBoolean(), answer.ToString());
    }

    [Fact]
    public async Task An_unreadable_837_is_a_problem_naming_the_segment()
    {
        var sar = await ApprovedSarAsync();
        var file = X12File.Professional(sar.PhysicianNpi, sar.Cin, new X12File.Claim("PCN-BAD", sar.Number, [("99214", 1m)]));
        var broken = file.Text.Replace("DTP*472*", "dt?*472*", StringComparison.Ordinal);
        var segment = file.Segments.ToList().FindIndex(s => s.StartsWith("DTP*472*", StringComparison.Ordinal)) + 1;

        var response = await (await app.ApiClientFor(Roles.Provider)).PostAsync("/api/v1/claims/check-x12", X12Content(broken));

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(segment, problem.GetProperty("segmentNumber").GetInt32());
        Assert.StartsWith($"Segment {segment}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_837_over_the_size_limit_is_refused_with_413_pointing_to_the_command_line_tool()
    {
        var sar = await ApprovedSarAsync();
        var file = X12File.Professional(sar.PhysicianNpi, sar.Cin, new X12File.Claim("PCN-BIG", sar.Number, [("99214", 1m)]));
        // Layout whitespace between segments is legal X12; this much of it takes the body past the limit.
        var padded = file.Text.Replace("~", "~" + new string(' ', 4096), StringComparison.Ordinal);
        while (padded.Length <= OpenCcs.Web.Features.Claims.CheckClaimFile.MaxFileBytes) padded += new string('\n', 1024 * 1024);

        var response = await (await app.ApiClientFor(Roles.Provider)).PostAsync("/api/v1/claims/check-x12", X12Content(padded));

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("ccs claims check", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_file_in_the_shared_X12_test_data_gets_answers_or_a_clear_problem_never_an_error()
    {
        var iscd = await app.ApiClientFor(Roles.IscdReviewer);
        var files = Directory.EnumerateFiles(X12File.SharedTestData(), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(files);

        foreach (var path in files)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/edi-x12");
            var response = await iscd.PostAsync("/api/v1/claims/check-x12", content);

            if (response.StatusCode == HttpStatusCode.OK)
                Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lineCount").GetInt32() >= 0);
            else
            {
                // Unreadable: the segment is named. Readable but another transaction (835, 270…): said so.
                var detail = (await Responses.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString() ?? "";
                Assert.True(detail.StartsWith("Segment ", StringComparison.Ordinal) || detail.Contains("no 837 claims", StringComparison.Ordinal), $"{path}: {detail}");
            }
        }
    }

    [Fact]
    public async Task The_claim_form_shows_each_line_answer_and_keeps_what_was_typed()
    {
        var sar = await ApprovedSarAsync(units: 4);
        var pages = await app.PageClientFor(Roles.Provider);
        var fields = FormFields(sar);
        fields["lines[1].from"] = ServiceDate.ToString("yyyy-MM-dd");
        fields["lines[1].procedureCode"] = "99214";
        fields["lines[1].units"] = "4";

        var html = await PostFormAsync(pages, fields);

        var result = html.QuerySelector("[data-testid=claim-result]") ?? throw new Xunit.Sdk.XunitException("No answer on the page.");
        Assert.Contains("Line 1: Pays.", result.TextContent);
        Assert.Contains("Line 2: Denies.", result.TextContent);
        Assert.Contains(ClaimRules.UnitsExceeded, result.TextContent);
        Assert.Contains("CARC 198", result.TextContent);
        Assert.Equal(sar.Number, html.QuerySelector("#priorAuthorization")?.GetAttribute("value"));
        Assert.Equal("4", html.QuerySelector("#lines-1-units")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_claim_form_shows_itself_again_with_errors_by_field()
    {
        var sar = await ApprovedSarAsync();
        var pages = await app.PageClientFor(Roles.Provider);
        var fields = FormFields(sar);
        fields["lines[0].from"] = "";
        fields["lines[0].units"] = "many";

        var html = await PostFormAsync(pages, fields);

        var summary = html.QuerySelector("[data-testid=error-summary]") ?? throw new Xunit.Sdk.XunitException("No error summary.");
        Assert.Equal(["#lines-0-from", "#lines-0-units"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Order());
        Assert.NotNull(html.QuerySelector("#lines-0-units-error"));
        Assert.Contains("usa-input--error", html.QuerySelector("#lines-0-units")?.ClassName);
        Assert.Equal("many", html.QuerySelector("#lines-0-units")?.GetAttribute("value"));
        Assert.Null(html.QuerySelector("[data-testid=claim-result]"));
    }

    [Fact]
    public async Task The_claim_form_marks_trauma_care_which_the_panel_rule_excepts()
    {
        var sar = await ApprovedSarAsync();
        var pages = await app.PageClientFor(Roles.Provider);
        var fields = FormFields(sar);
        fields["renderingNpi"] = Npi.FromFirstNine("199999997").Value; // a trauma surgeon CCS has no record of

        var unticked = await PostFormAsync(pages, new Dictionary<string, string>(fields));
        fields["trauma"] = "true";
        var ticked = await PostFormAsync(pages, fields);

        Assert.Contains(ClaimRules.ProviderUnknown, unticked.QuerySelector("[data-testid=claim-result]")?.TextContent);
        Assert.Contains("Line 1: Pays.", ticked.QuerySelector("[data-testid=claim-result]")?.TextContent);
        Assert.True((ticked.QuerySelector("#trauma") as AngleSharp.Html.Dom.IHtmlInputElement)?.IsChecked);
    }

    [Fact]
    public async Task The_pharmacy_form_denies_a_claim_sent_to_another_BIN()
    {
        var pages = await app.PageClientFor(Roles.Provider);
        var npi = (await ApprovedSarAsync()).PhysicianNpi;
        var form = await pages.GetStringAsync("/Claims/CheckPharmacy");
        Assert.Contains("value=\"610442\"", form);

        var response = await pages.PostAsync("/Claims/CheckPharmacy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = "91234567A", ["pharmacyNpi"] = npi, ["bin"] = "004336", ["priorAuthorization"] = "",
            ["dateOfService"] = "2026-12-05", ["ndc"] = "00002821501", ["quantity"] = "30",
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
        }));

        var html = await Responses.HtmlAsync(response);
        Assert.Contains(ClaimRules.BinWrong, html.QuerySelector("[data-testid=claim-result]")?.TextContent);
    }

    [Fact]
    public async Task A_pharmacy_claim_without_a_BIN_is_answered_as_denying_under_the_BIN_rule()
    {
        var provider = await app.ApiClientFor(Roles.Provider);
        var npi = (await ApprovedSarAsync()).PhysicianNpi;

        var response = await provider.PostAsJsonAsync("/api/v1/claims/check", new
        {
            form = "Pharmacy", memberId = "91234567A", billingNpi = npi,
            lines = new[] { new { from = "2026-12-05", ndc = "00002821501", units = 30 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finding = Assert.Single(Findings(await response.Content.ReadFromJsonAsync<JsonElement>(), line: 1), f => f.GetProperty("ruleId").GetString() == ClaimRules.BinWrong);
        Assert.Contains("has no BIN", finding.GetProperty("message").GetString());
        Assert.Contains("610442", finding.GetProperty("fix").GetString());
    }

    // Arrangement and reading helpers.

    private sealed record ApprovedSar(string Number, Guid ChildId, string Cin, string PhysicianNpi);

    private sealed record ChildWithFormerCin(Guid Id, string FormerCin, string Cin, DateOnly DateOfBirth);

    /// <summary>
    /// A new child of the demo county with an open case, whose first CIN was replaced on <paramref name="changedOn"/>
    /// (Child.Register, then AssignCin), so no other test's child changes.
    /// </summary>
    private Task<ChildWithFormerCin> ChildWithReplacedCinAsync(DateOnly changedOn) => app.WithDbAsync(async db =>
    {
        var now = CcsApp.Now.UtcDateTime;
        var home = OpenCcs.Core.Counties.CountyCode.From(DemoAccounts.HomeCounty);
        var former = await UnusedCinAsync(db, 'R');
        var current = await UnusedCinAsync(db, 'S');
        var child = OpenCcs.Core.Children.Child.Register(
            new OpenCcs.Core.Common.PersonName("Lucia", "Cambio"), new DateOnly(2018, 5, 9), former, home, OpenCcs.Core.Common.Language.Spanish, now);
        child.AssignCin(current, changedOn, now);
        db.Children.Add(child);
        db.Cases.Add(CcsCase.Open(child.Id, home, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2026, 1, 5), now));
        await db.SaveChangesAsync();
        return new ChildWithFormerCin(child.Id, former.Value, current.Value, child.DateOfBirth);
    });

    private static async Task<Cin> UnusedCinAsync(OpenCcs.Data.CcsDbContext db, char letter)
    {
        Cin cin;
        do cin = Cin.Parse($"9{Random.Shared.Next(1_000_000, 9_999_999)}{letter}");
        while (await db.Children.AnyAsync(c => c.CinHistory.Any(k => k.Cin == cin)));
        return cin;
    }

    /// <summary>
    /// A SAR for office visits (CPT 99214) from <paramref name="from"/> (December by default) to February, submitted by
    /// the demo provider for the first child of the demo county (or <paramref name="child"/>) and approved by the county nurse.
    /// </summary>
    private async Task<ApprovedSar> ApprovedSarAsync(int units = 4, ChildWithFormerCin? child = null, string from = "2026-12-01")
    {
        var (childId, cin, dob, npi) = await app.WithDbAsync(async db =>
        {
            var home = OpenCcs.Core.Counties.CountyCode.From(DemoAccounts.HomeCounty);
            var (id, cin, dob) = child is not null ? (child.Id, child.Cin, child.DateOfBirth) : await FirstChildAsync();
            var org = await db.ProviderOrganizations.Where(o => o.Name == ScopedRecords.ProviderOrganization).Select(o => o.Id).SingleAsync();
            var physicians = await db.Providers.AsNoTracking().Where(p => p.OrganizationId == org && p.Type == ProviderType.Physician).ToListAsync();
            var physician = physicians.OrderBy(p => p.Npi.Value, StringComparer.Ordinal).First(p => p.IsAuthorizedOn(new DateOnly(2026, 11, 23)) && p.IsAuthorizedOn(ServiceDate));
            return (id, cin, dob, physician.Npi.Value);

            async Task<(Guid, string, DateOnly)> FirstChildAsync()
            {
                var first = await db.Children.AsNoTracking()
                    .Where(c => c.Cin != null && c.CountyOfResidence == home && db.Cases.Any(k => k.ChildId == c.Id && k.Status == CaseStatus.Open))
                    .OrderBy(c => c.Id).FirstAsync();
                return (first.Id, first.Cin!.Value.Value, first.DateOfBirth);
            }
        });
        var provider = await app.ApiClientFor(Roles.Provider);
        var submitted = await provider.PostAsJsonAsync("/api/v1/sars", new
        {
            formType = "EstablishedClient", clientId = cin, dateOfBirth = dob.ToString("yyyy-MM-dd"), requestingProviderNpi = npi, diagnosisCode = "Q21.0",
            lines = new[] { new { codeSystem = "Cpt", code = "99214", description = "Office visit, established patient", from, to = "2027-02-28", units } },
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var number = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, "begin-review");
        await DecideAsync(nurse, number, "approve");
        return new ApprovedSar(number, childId, cin, npi);
    }

    private async Task DecideAsync(HttpClient nurse, string number, string action)
    {
        var version = await app.WithDbAsync(db => db.Sars.Where(s => s.Number == SarNumber.Parse(number, null)).Select(s => s.Version).SingleAsync());
        var response = await nurse.PostAsJsonAsync($"/api/v1/sars/{number}/decisions", new { action, version });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A signed-in user of the demo laboratory organisation, and a laboratory of it paneled since 2020.</summary>
    private async Task<(HttpClient Client, string Npi)> LaboratoryAccountAsync()
    {
        var (org, npi) = await app.WithDbAsync(async db =>
        {
            var org = await db.ProviderOrganizations.Where(o => o.Name == "Harbor Children's Laboratory").Select(o => o.Id).SingleAsync();
            Npi npi;
            do npi = Npi.FromFirstNine("1" + Random.Shared.Next(10_000_000, 99_999_999));
            while (await db.Providers.AnyAsync(p => p.Npi == npi));
            var lab = Provider.Enroll(npi, "Harbor Test Laboratory", ProviderType.Laboratory, org, CcsApp.Now.UtcDateTime);
            lab.Panel(new DateOnly(2020, 1, 1), null, CcsApp.Now.UtcDateTime);
            db.Providers.Add(lab);
            await db.SaveChangesAsync();
            return (org, npi.Value);
        });
        var user = await app.CreateUserAsync($"lab-{Guid.NewGuid():N}@example.org", Roles.Provider, organizationId: org);
        return (await app.BearerClientAsync(user.Email!), npi);
    }

    private static ClaimBody Claim(ApprovedSar sar) => new(sar.Cin, sar.PhysicianNpi, sar.Number, [Line()]);

    private static LineBody Line(decimal units = 1, int lineNumber = 1, string code = "99214") =>
        new(lineNumber, ServiceDate.ToString("yyyy-MM-dd"), code, units, "11");

    private sealed record ClaimBody(string? MemberId, string? BillingNpi, string? PriorAuthorization, IReadOnlyList<LineBody> Lines, string? ReferringNpi = null);

    private sealed record LineBody(int LineNumber, string From, string ProcedureCode, decimal Units, string PlaceOfService);

    private static async Task<JsonElement> CheckAsync(HttpClient client, ClaimBody claim)
    {
        var response = await client.PostAsJsonAsync("/api/v1/claims/check", claim);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Findings(JsonElement answer, int line) =>
        answer.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("lineNumber").GetInt32() == line).GetProperty("findings").EnumerateArray().ToList();

    private static void AssertCode(JsonElement finding, string kind, string value)
    {
        Assert.Equal(kind, finding.GetProperty("code").GetProperty("kind").GetString());
        Assert.Equal(value, finding.GetProperty("code").GetProperty("value").GetString());
    }

    private static StringContent X12Content(string text) => new(text, Encoding.ASCII, new MediaTypeHeaderValue("application/edi-x12"));

    private static Dictionary<string, string> FormFields(ApprovedSar sar) => new()
    {
        ["memberId"] = sar.Cin, ["billingNpi"] = sar.PhysicianNpi, ["priorAuthorization"] = sar.Number,
        ["lines[0].from"] = ServiceDate.ToString("yyyy-MM-dd"), ["lines[0].procedureCode"] = "99214", ["lines[0].units"] = "1", ["lines[0].placeOfService"] = "11",
    };

    private static async Task<AngleSharp.Dom.IDocument> PostFormAsync(HttpClient pages, Dictionary<string, string> fields)
    {
        var form = await pages.GetStringAsync("/Claims/Check");
        fields["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form);
        var response = await pages.PostAsync("/Claims/Check", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Responses.HtmlAsync(response);
    }
}

public sealed class ClaimCheckOnSqlite(SqliteApp app) : ClaimCheckTests<SqliteApp>(app);

public sealed class ClaimCheckOnPostgres(PostgresApp app) : ClaimCheckTests<PostgresApp>(app);
