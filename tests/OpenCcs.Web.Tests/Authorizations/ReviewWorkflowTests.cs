using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Documents;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Notices;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Authorizations;

/// <summary>
/// The review side of SARs over HTTP, on both databases: the worklist and its clock, decisions with their
/// notices, conflicts between reviewers, routing to ISCD and back, the family's letters and the county's mailing.
/// </summary>
public abstract class ReviewWorkflowTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private static long _sequence = 90_000_000;

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Worklist_is_sorted_by_due_time_and_flags_a_request_overdue_once_the_clock_passes_it()
    {
        var sooner = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-72).AddMinutes(10), expedited: true);
        var later = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-72).AddMinutes(20), expedited: true);
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);

        var before = await WorklistAsync(nurse, "expeditedOnly=true");
        Assert.True(IndexOf(before, sooner) < IndexOf(before, later), "The request due sooner comes first.");
        Assert.False(Item(before, sooner).GetProperty("overdue").GetBoolean());
        Assert.Equal("10 minutes left", Item(before, sooner).GetProperty("timeLeft").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        var after = await WorklistAsync(nurse, "expeditedOnly=true");
        var overdueOnly = await WorklistAsync(nurse, "overdueOnly=true");

        Assert.True(Item(after, sooner).GetProperty("overdue").GetBoolean());
        Assert.Equal("Overdue by 5 minutes", Item(after, sooner).GetProperty("timeLeft").GetString());
        Assert.False(Item(after, later).GetProperty("overdue").GetBoolean());
        Assert.Contains(sooner, Numbers(overdueOnly));
        Assert.DoesNotContain(later, Numbers(overdueOnly));
        var page = await (await app.PageClientFor(Roles.NurseCaseManager)).GetAsync("/Authorizations/Worklist?overdue=true&expedited=true");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Overdue by", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_nurse_cannot_see_or_decide_another_countys_SAR()
    {
        var elsewhere = await SubmitAsync(ScopedRecords.StateOnlyCounty, Now.AddHours(-1));
        var api = await app.ApiClientFor(Roles.NurseCaseManager);
        var pages = await app.PageClientFor(Roles.NurseCaseManager);
        var before = await app.LastAuditIdAsync();

        Assert.DoesNotContain(elsewhere, Numbers(await WorklistAsync(api, "")));
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Authorizations/{elsewhere}/Review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/sars/{elsewhere}/review")).StatusCode);
        var decision = await api.PostAsJsonAsync($"/api/v1/sars/{elsewhere}/decisions", new { action = "begin-review", version = 1 });

        Assert.Equal(HttpStatusCode.NotFound, decision.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Outcome == AuditOutcome.Denied && e.RecordType == "Sar");
        Assert.DoesNotContain(events, e => e.Action == AuditAction.Update);
        Assert.Equal(SarStatus.Submitted, await StatusAsync(elsewhere));
    }

    [Fact]
    public async Task Approving_saves_the_decision_its_audit_record_and_the_familys_approval_letter_together()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-2));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });
        var before = await app.LastAuditIdAsync();

        var result = await DecideAsync(nurse, number, new { action = "approve" });

        Assert.Equal("Approved", result.GetProperty("status").GetString());
        var notice = await NoticeAsync(result.GetProperty("noticeId").GetGuid());
        Assert.Equal(NoticeKind.ApprovalLetter, notice.Kind);
        Assert.True(notice.ForFamily);
        Assert.Equal(new DateOnly(2026, 11, 23), notice.DueBy);
        var letter = PdfReader.Read(notice.Pdf).Text;
        Assert.Contains(number, letter);
        var child = await app.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == notice.ChildId));
        var mailedTo = child.NoticeRecipient()!.Address!;
        Assert.Contains(mailedTo.Street, letter);
        Assert.Contains($"{mailedTo.City}, CA {mailedTo.ZipCode}", letter);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.Action == AuditAction.Update && e.RecordType == "Sar" && e.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task Denying_sends_a_Spanish_speaking_family_a_Notice_of_Action_with_the_reason_and_the_appeal_deadline()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-3), language: Language.Spanish);
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });

        var missingRule = await PostDecisionAsync(nurse, number, new { action = "deny", version = await VersionAsync(number), reason = "No need shown." });
        var problem = await Responses.AssertProblemAsync(missingRule, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("sar.rule-required", problem.GetProperty("rule").GetString());

        var result = await DecideAsync(nurse, number, new { action = "deny", reason = "El expediente no muestra que el servicio sea necesario.", rule = "medical-necessity" });

        Assert.Equal("Denied", result.GetProperty("status").GetString());
        var notice = await NoticeAsync(result.GetProperty("noticeId").GetGuid());
        Assert.Equal(NoticeKind.NoticeOfAction, notice.Kind);
        Assert.Equal(Language.Spanish, notice.Language);
        Assert.Equal(new DateOnly(2026, 11, 30), notice.DueBy);
        var pdf = PdfReader.Read(notice.Pdf);
        Assert.Contains("Aviso de Acción", pdf.Text);
        Assert.Contains("El expediente no muestra que el servicio sea necesario.", pdf.Text);
        Assert.Contains("Fecha límite para apelar: 23 de diciembre de 2026", pdf.Text);
    }

    [Fact]
    public async Task A_NICU_stay_is_authorised_only_up_to_the_level_the_facility_is_approved_for()
    {
        var number = await SubmitNicuStayAsync("Coastal Children's Medical Center");
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });

        var noLevel = await PostDecisionAsync(nurse, number, new { action = "approve", version = await VersionAsync(number), type = "Nicu" });
        var above = await PostDecisionAsync(nurse, number, new { action = "approve", version = await VersionAsync(number), type = "Nicu", nicuLevel = "Regional" });

        Assert.Equal("sar.nicu-level-required", (await Responses.AssertProblemAsync(noLevel, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal("sar.nicu-level-above-approval", (await Responses.AssertProblemAsync(above, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal(SarStatus.InReview, await StatusAsync(number));

        var result = await DecideAsync(nurse, number, new { action = "approve", type = "Nicu", nicuLevel = "Intermediate" });

        Assert.Equal("Approved", result.GetProperty("status").GetString());
        Assert.Equal((SarType.Nicu, NicuLevel.Intermediate), await WithSarAsync(number, s => (s.Type!.Value, s.AuthorizedNicuLevel!.Value)));
    }

    [Fact]
    public async Task The_review_page_offers_the_scg_table_and_the_facilitys_nicu_level_with_the_implied_type_chosen()
    {
        var number = await SubmitNicuStayAsync("Golden Valley Children's Hospital");
        await DecideAsync(await app.ApiClientFor(Roles.NurseCaseManager), number, new { action = "begin-review" });
        var page = await Responses.HtmlAsync(await (await app.PageClientFor(Roles.NurseCaseManager)).GetAsync($"/Authorizations/{number}/Review"));

        Assert.Contains("NICU approved at regional level", page.Body!.TextContent);
        Assert.Equal("Nicu", page.QuerySelector("#type option[selected]")!.GetAttribute("value"));
        Assert.Equal("Regional", page.QuerySelector("#nicu-level option[selected]")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll("#scg option"), o => o.GetAttribute("value") == "01");
    }

    private async Task<string> SubmitNicuStayAsync(string hospital)
    {
        var code = CountyCode.From(DemoAccounts.HomeCounty);
        var sequence = Interlocked.Increment(ref _sequence);
        return await app.WithDbAsync(async db =>
        {
            var child = await db.Children.Where(c => c.CountyOfResidence == code && c.Guardians.Any()).OrderBy(c => c.Id).FirstAsync();
            var facility = await db.Providers.Where(p => p.Name == hospital).Select(p => p.Id).SingleAsync();
            var from = DateOnly.FromDateTime(Now);
            var sar = Sar.Submit(SarNumber.Create(code, sequence), child.Id, facility, facility, SarFormType.DischargePlanning, "P07.14", expedited: false, null,
                [new SarLineRequest(ServiceCodeSystem.InpatientDays, null, "NICU stay", from, from.AddDays(20), 21)],
                "test", Now.AddHours(-1), SarRequestFlags.Nicu);
            db.Sars.Add(sar);
            await db.SaveChangesAsync();
            return sar.Number.Value;
        });
    }

    [Fact]
    public async Task Modifying_needs_a_reason()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-4));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });
        var line = await WithSarAsync(number, s => s.Lines[0]);
        var fewerUnits = new[] { new { lineNumber = 1, authorized = true, units = line.RequestedUnits + 1, from = line.From, to = line.To } };

        var asApproval = await PostDecisionAsync(nurse, number, new { action = "approve", version = await VersionAsync(number), lines = fewerUnits });
        var asModification = await PostDecisionAsync(nurse, number, new { action = "modify", version = await VersionAsync(number), lines = fewerUnits, rule = "medical-necessity" });

        Assert.Equal("sar.modify-reason-required", (await Responses.AssertProblemAsync(asApproval, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal("sar.modify-reason-required", (await Responses.AssertProblemAsync(asModification, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        var result = await DecideAsync(nurse, number, new { action = "modify", lines = fewerUnits, reason = "One more visit is approved than asked, to cover follow-up.", rule = "medical-necessity" });
        Assert.Equal("Modified", result.GetProperty("status").GetString());
        Assert.Equal(NoticeKind.NoticeOfAction, (await NoticeAsync(result.GetProperty("noticeId").GetGuid())).Kind);
    }

    [Fact]
    public async Task When_two_reviewers_decide_on_the_same_version_one_wins_and_the_other_gets_a_conflict()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-5));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });
        var second = await app.CreateUserAsync($"nurse2-{Guid.NewGuid():N}@example.org", Roles.NurseCaseManager, DemoAccounts.HomeCounty);
        var otherNurse = await app.BearerClientAsync(second.Email!);
        var version = await VersionAsync(number);

        var responses = await Task.WhenAll(
            PostDecisionAsync(nurse, number, new { action = "approve", version }),
            PostDecisionAsync(otherNurse, number, new { action = "deny", version, reason = "Not needed for the CCS condition.", rule = "medical-necessity" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        var problem = await Responses.AssertProblemAsync(loser, HttpStatusCode.Conflict);
        Assert.Equal("Someone else decided first.", problem.GetProperty("title").GetString());
        var decisions = await WithSarAsync(number, s => s.History.Count(h => h.To is SarStatus.Approved or SarStatus.Denied or SarStatus.Modified));
        Assert.Equal(1, decisions);
        var sarId = await WithSarAsync(number, s => s.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.SarId == sarId)));

        var stale = await PostDecisionAsync(nurse, number, new { action = "cancel", version, reason = "Withdrawn." });
        await Responses.AssertProblemAsync(stale, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Forwarding_makes_a_cover_sheet_and_puts_the_SAR_in_the_proposed_ISCD_queue_and_ISCD_can_return_it_with_a_reason()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-6));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var iscd = await app.ApiClientFor(Roles.IscdReviewer);
        await DecideAsync(nurse, number, new { action = "begin-review" });
        var review = await nurse.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{number}/review");
        Assert.Contains("forward", review.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var proposed = review.GetProperty("proposal").ValueKind == JsonValueKind.Object ? review.GetProperty("proposal").GetProperty("queue").GetString()! : "PhysicianReview";

        var forwarded = await DecideAsync(nurse, number, new { action = "forward", queue = proposed });

        Assert.Equal("ForwardedToIscd", forwarded.GetProperty("status").GetString());
        var sheet = await NoticeAsync(forwarded.GetProperty("noticeId").GetGuid());
        Assert.Equal(NoticeKind.SarCoverSheet, sheet.Kind);
        Assert.False(sheet.ForFamily);
        Assert.Equal(sheet.Id.ToString(), await WithSarAsync(number, s => s.IscdCoverSheetId));
        var queue = await WorklistAsync(iscd, $"queue={proposed}");
        Assert.Equal(proposed, Item(queue, number).GetProperty("queue").GetString());
        Assert.DoesNotContain(number, Numbers(await WorklistAsync(nurse, "")));

        var returned = await DecideAsync(iscd, number, new { action = "return", reason = "This belongs in Physician Review with the clinic note." });

        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        var county = await WorklistAsync(nurse, "status=Returned");
        Assert.Equal("This belongs in Physician Review with the clinic note.", Item(county, number).GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task A_SAR_pending_more_than_45_days_shows_in_ISCD_Directed_Review()
    {
        var old = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddDays(-50));
        var recent = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddDays(-10));
        var iscd = await app.ApiClientFor(Roles.IscdReviewer);

        var directed = await WorklistAsync(iscd, "queue=DirectedReview");

        Assert.Equal("DirectedReview", Item(directed, old).GetProperty("queue").GetString());
        Assert.DoesNotContain(recent, Numbers(directed));
    }

    [Fact]
    public async Task The_ISCD_worklist_holds_a_SAR_from_its_46th_calendar_day_pending_and_not_on_its_45th()
    {
        // The worklist asks the database only for SARs old enough to be escalated: the edges of that filter, in
        // Pacific calendar days, late on the first day that counts and early on the last day that does not.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, OpenCcs.Core.Calendar.BusinessCalendar.Pacific));
        DateTime Pacific(DateOnly day, int hour, int minute) =>
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), OpenCcs.Core.Calendar.BusinessCalendar.Pacific);
        var escalated = await SubmitAsync(DemoAccounts.HomeCounty, Pacific(today.AddDays(-46), 23, 50));
        var notYet = await SubmitAsync(DemoAccounts.HomeCounty, Pacific(today.AddDays(-45), 0, 10));
        var iscd = await app.ApiClientFor(Roles.IscdReviewer);

        var listed = Numbers(await WorklistAsync(iscd, "")).ToList();

        Assert.Contains(escalated, listed);
        Assert.DoesNotContain(notYet, listed);
    }

    [Fact]
    public async Task A_family_sees_and_downloads_their_letter_but_not_another_familys()
    {
        var familyChild = await app.WithDbAsync(db => db.Children.Where(c => c.Guardians.Any(g => g.AccountId == db.Users.Single(u => u.Email == DemoAccounts.For(Roles.Family).Email).Id)).Select(c => c.Id).FirstAsync());
        var ours = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-7), childId: familyChild);
        var theirs = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-7));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var ourNotice = await ApproveAsync(nurse, ours);
        var theirNotice = await ApproveAsync(nurse, theirs);
        var family = await app.PageClientFor(Roles.Family);
        var before = await app.LastAuditIdAsync();

        var list = await family.GetStringAsync("/Notices");
        var download = await family.GetAsync($"/Notices/{ourNotice}/Pdf");
        var refused = await family.GetAsync($"/Notices/{theirNotice}/Pdf");

        Assert.Contains($"Approval of SAR {ours}", list);
        Assert.DoesNotContain(theirs, list);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ours, PdfReader.Read(await download.Content.ReadAsByteArrayAsync()).Text);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Contains(events, e => e.RecordType == "Notice" && e.RecordId == ourNotice.ToString() && e.Outcome == AuditOutcome.Allowed && e.Action == AuditAction.Read);
        Assert.Contains(events, e => e.RecordType == "Notice" && e.RecordId == theirNotice.ToString() && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task The_requesting_provider_downloads_the_approval_from_the_SAR_page_and_the_API_but_not_another_providers()
    {
        var ours = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-8), providerId: await ProviderAsync(inDemoOrganization: true));
        var theirs = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-8), providerId: await ProviderAsync(inDemoOrganization: false));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var ourApproval = await ApproveAsync(nurse, ours);
        var theirApproval = await ApproveAsync(nurse, theirs);
        var pages = await app.PageClientFor(Roles.Provider);
        var api = await app.ApiClientFor(Roles.Provider);
        var before = await app.LastAuditIdAsync();

        var page = await pages.GetStringAsync($"/Authorizations/{ours}");
        var fromPage = await pages.GetAsync($"/Authorizations/{ours}/Documents/{ourApproval}");
        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{ours}")).GetProperty("documents").EnumerateArray().ToList();
        var fromApi = await api.GetAsync($"/api/v1/sars/{ours}/documents/{ourApproval}");
        var refused = await pages.GetAsync($"/Authorizations/{theirs}/Documents/{theirApproval}");
        // Another SAR's document is not found under the provider's own SAR number either.
        var crossed = await api.GetAsync($"/api/v1/sars/{ours}/documents/{theirApproval}");

        Assert.Contains($"/Authorizations/{ours}/Documents/{ourApproval}", page);
        Assert.Contains($"Approval of SAR {ours} (PDF)", page);
        var document = Assert.Single(listed);
        Assert.Equal(ourApproval, document.GetProperty("id").GetGuid());
        Assert.Equal("ApprovalLetter", document.GetProperty("kind").GetString());
        foreach (var download in new[] { fromPage, fromApi })
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Contains(ours, PdfReader.Read(await download.Content.ReadAsByteArrayAsync()).Text);
        }
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        var events = await app.AuditEventsAfterAsync(before);
        Assert.Equal(2, events.Count(e => e.RecordType == "Notice" && e.RecordId == ourApproval.ToString() && e.Action == AuditAction.Read && e.Outcome == AuditOutcome.Allowed));
        Assert.Equal(2, events.Count(e => e.RecordType == "Notice" && e.RecordId == theirApproval.ToString() && e.Outcome == AuditOutcome.Denied));
    }

    [Fact]
    public async Task A_Notice_of_Action_is_listed_and_opened_by_the_county_but_is_not_offered_to_the_requesting_provider()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-9), providerId: await ProviderAsync(inDemoOrganization: true));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });
        var notice = (await DecideAsync(nurse, number, new { action = "deny", reason = "No need shown in the records.", rule = "medical-necessity" }))
            .GetProperty("noticeId").GetGuid();
        var provider = await app.ApiClientFor(Roles.Provider);

        var countyPage = await (await app.PageClientFor(Roles.NurseCaseManager)).GetStringAsync($"/Authorizations/{number}");
        var countyDownload = await nurse.GetAsync($"/api/v1/sars/{number}/documents/{notice}");
        var providerView = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{number}");
        var providerDownload = await provider.GetAsync($"/api/v1/sars/{number}/documents/{notice}");

        Assert.Contains($"Notice of Action on SAR {number} (PDF)", countyPage);
        Assert.Equal(HttpStatusCode.OK, countyDownload.StatusCode);
        Assert.Contains("No need shown in the records.", PdfReader.Read(await countyDownload.Content.ReadAsByteArrayAsync()).Text);
        Assert.Equal("Denied", providerView.GetProperty("status").GetString());
        Assert.Empty(providerView.GetProperty("documents").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, providerDownload.StatusCode);
    }

    [Fact]
    public async Task ISCD_opens_the_cover_sheet_of_a_SAR_forwarded_to_it_and_the_requesting_provider_is_not_offered_it()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-10), providerId: await ProviderAsync(inDemoOrganization: true));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        await DecideAsync(nurse, number, new { action = "begin-review" });
        var sheet = (await DecideAsync(nurse, number, new { action = "forward", queue = "PhysicianReview" })).GetProperty("noticeId").GetGuid();
        var iscd = await app.ApiClientFor(Roles.IscdReviewer);

        var listed = (await iscd.GetFromJsonAsync<JsonElement>($"/api/v1/sars/{number}")).GetProperty("documents").EnumerateArray().ToList();
        var download = await iscd.GetAsync($"/api/v1/sars/{number}/documents/{sheet}");
        var providerDownload = await (await app.ApiClientFor(Roles.Provider)).GetAsync($"/api/v1/sars/{number}/documents/{sheet}");

        Assert.Equal("SarCoverSheet", Assert.Single(listed).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains(number, PdfReader.Read(await download.Content.ReadAsByteArrayAsync()).Text);
        Assert.Equal(HttpStatusCode.NotFound, providerDownload.StatusCode);
    }

    [Fact]
    public async Task A_mailing_batch_takes_each_unbatched_letter_once_and_prints_them_as_one_pdf()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-8));
        var noticeId = await ApproveAsync(await app.ApiClientFor(Roles.NurseCaseManager), number);
        var county = await app.PageClientFor(Roles.CountyIntake);

        var page = await county.GetStringAsync("/Notices/Mailing");
        Assert.Contains($"Approval of SAR {number}", page);
        var created = await county.PostAsync("/Notices/Mailing", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var batchId = await app.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.MailingBatchId).SingleAsync());
        Assert.NotNull(batchId);
        var countyCode = DemoAccounts.HomeCounty;
        Assert.Equal(0, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.ForFamily && n.CountyCode == countyCode && n.MailingBatchId == null)));
        var batches = await app.WithDbAsync(db => db.MailingBatches.CountAsync());
        var again = await county.GetStringAsync("/Notices/Mailing");
        await county.PostAsync("/Notices/Mailing", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(again) }));
        Assert.Equal(batches, await app.WithDbAsync(db => db.MailingBatches.CountAsync()));
        Assert.Equal(batchId, await app.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.MailingBatchId).SingleAsync()));

        var pdf = await county.GetAsync($"/Notices/Mailing/{batchId}/Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains(number, PdfReader.Read(await pdf.Content.ReadAsByteArrayAsync()).Text);
    }

    [Fact]
    public async Task The_mailing_page_flags_letters_for_a_family_with_no_mailing_address_and_links_to_the_child()
    {
        var childId = await app.WithDbAsync(async db =>
        {
            var child = OpenCcs.Core.Children.Child.Register(new PersonName("Noor", "Nomail"), new DateOnly(2018, 6, 2), null, CountyCode.From(DemoAccounts.HomeCounty), Language.English, Now);
            child.AddGuardian(new PersonName("Rana", "Nomail"), "Mother", "(555) 010-0199", null, Now);
            db.Children.Add(child);
            await db.SaveChangesAsync();
            return child.Id;
        });
        var unaddressed = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-9), childId: childId);
        var addressed = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-9));
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);
        var unaddressedLetter = await ApproveAsync(nurse, unaddressed);
        await ApproveAsync(nurse, addressed);
        var county = await app.PageClientFor(Roles.CountyIntake);

        var page = await county.GetStringAsync("/Notices/Mailing");

        Assert.Contains("for a family with no mailing address on file", page);
        var rows = page.Split("<tr>");
        var flagged = Assert.Single(rows, r => r.Contains($"Approval of SAR {unaddressed}", StringComparison.Ordinal));
        Assert.Contains("None on file", flagged);
        Assert.Contains($"href=\"/Children/{childId}\"", flagged);
        var other = Assert.Single(rows, r => r.Contains($"Approval of SAR {addressed}", StringComparison.Ordinal));
        Assert.DoesNotContain("None on file", other);
        Assert.Contains("On file", other);
        var pdf = await app.WithDbAsync(db => db.Notices.Where(n => n.Id == unaddressedLetter).Select(n => n.Pdf).SingleAsync());
        Assert.Contains("Address on file", PdfReader.Read(pdf).Text);
    }

    [Fact]
    public async Task A_nurse_begins_and_approves_on_the_review_page_and_a_stale_form_is_refused_without_saving()
    {
        var number = await SubmitAsync(DemoAccounts.HomeCounty, Now.AddHours(-9));
        var pages = await app.PageClientFor(Roles.NurseCaseManager);

        var begun = await PostReviewFormAsync(pages, number, new() { ["Form.Action"] = "begin-review" });
        Assert.Equal(HttpStatusCode.Redirect, begun.StatusCode);
        var staleVersion = await VersionAsync(number) - 1;
        var stale = await PostReviewFormAsync(pages, number, new() { ["Form.Action"] = "cancel", ["Form.Reason"] = "Withdrawn." }, staleVersion);
        var approved = await PostReviewFormAsync(pages, number, new()
        {
            ["Form.Action"] = "approve", ["Form.Type"] = "Physician", ["Form.Lines[0].LineNumber"] = "1", ["Form.Lines[0].Authorized"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this SAR", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(SarStatus.Approved, await StatusAsync(number));
        Assert.DoesNotContain(SarStatus.Cancelled, await WithSarAsync(number, s => s.History.Select(h => h.To).ToList()));
    }

    private async Task<HttpResponseMessage> PostReviewFormAsync(HttpClient pages, string number, Dictionary<string, string> fields, int? version = null)
    {
        var form = await pages.GetStringAsync($"/Authorizations/{number}/Review");
        fields["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form);
        fields["Form.Version"] = (version ?? await VersionAsync(number)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await pages.PostAsync($"/Authorizations/{number}/Review", new FormUrlEncodedContent(fields));
    }

    // Arrangement and reading helpers.

    private async Task<string> SubmitAsync(int county, DateTime receivedAt, bool expedited = false, Language? language = null, Guid? childId = null, Guid? providerId = null)
    {
        var code = CountyCode.From(county);
        var sequence = Interlocked.Increment(ref _sequence);
        return await app.WithDbAsync(async db =>
        {
            var children = db.Children.Where(c => c.CountyOfResidence == code && c.Guardians.Any());
            // A chosen child as it is; otherwise one whose letters have an address (a test adds a family without one).
            children = childId is { } id ? children.Where(c => c.Id == id) : children.Where(c => c.Guardians.Any(g => g.Address != null));
            if (language is { } lang) children = children.Where(c => c.Language == lang);
            var child = await children.OrderBy(c => c.Id).FirstAsync();
            var provider = providerId ?? await db.Sars.Where(s => s.FacilityId == null).OrderBy(s => s.Number).Select(s => s.RequestingProviderId).FirstAsync();
            var from = DateOnly.FromDateTime(receivedAt).AddDays(3);
            var sar = Sar.Submit(SarNumber.Create(code, sequence), child.Id, provider, null, SarFormType.EstablishedClient, "Q21.0", expedited,
                expedited ? "Discharge home needs the service." : null,
                [new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", from, from.AddMonths(3), 4)],
                "test", DateTime.SpecifyKind(receivedAt, DateTimeKind.Utc));
            db.Sars.Add(sar);
            await db.SaveChangesAsync();
            return sar.Number.Value;
        });
    }

    /// <summary>A physician of the demo provider account's organisation, or one of no organisation of that account.</summary>
    private Task<Guid> ProviderAsync(bool inDemoOrganization) => app.WithDbAsync(async db =>
    {
        var org = await db.ProviderOrganizations.Where(o => o.Name == ScopedRecords.ProviderOrganization).Select(o => o.Id).SingleAsync();
        return await db.Providers.Where(p => p.Type == ProviderType.Physician && (p.OrganizationId == org) == inDemoOrganization)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    });

    private async Task<Guid> ApproveAsync(HttpClient reviewer, string number)
    {
        await DecideAsync(reviewer, number, new { action = "begin-review" });
        return (await DecideAsync(reviewer, number, new { action = "approve" })).GetProperty("noticeId").GetGuid();
    }

    /// <summary>Posts the decision on the SAR's current version and expects it saved.</summary>
    private async Task<JsonElement> DecideAsync(HttpClient client, string number, object decision)
    {
        var body = JsonSerializer.SerializeToElement(decision, JsonSerializerOptions.Web);
        var fields = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["version"] = await VersionAsync(number);
        var response = await client.PostAsJsonAsync($"/api/v1/sars/{number}/decisions", fields);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PostDecisionAsync(HttpClient client, string number, object decision) =>
        client.PostAsJsonAsync($"/api/v1/sars/{number}/decisions", decision);

    private Task<int> VersionAsync(string number) => WithSarAsync(number, s => s.Version);

    private Task<SarStatus> StatusAsync(string number) => WithSarAsync(number, s => s.Status);

    private Task<T> WithSarAsync<T>(string number, Func<Sar, T> read) =>
        app.WithDbAsync(async db => read(await db.Sars.AsNoTracking().SingleAsync(s => s.Number == SarNumber.Parse(number))));

    private Task<Notice> NoticeAsync(Guid id) => app.WithDbAsync(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == id));

    /// <summary>Every page of the caller's worklist.</summary>
    private static async Task<List<JsonElement>> WorklistAsync(HttpClient client, string filter)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/worklist?pageSize=100&page={page}&{filter}");
            items.AddRange(list.GetProperty("items").EnumerateArray());
            if (page >= list.GetProperty("pages").GetInt32()) return items;
        }
    }

    private static IEnumerable<string> Numbers(List<JsonElement> items) => items.Select(i => i.GetProperty("number").GetString()!);

    private static int IndexOf(List<JsonElement> items, string number) => items.FindIndex(i => i.GetProperty("number").GetString() == number);

    private static JsonElement Item(List<JsonElement> items, string number) => items.Single(i => i.GetProperty("number").GetString() == number);
}

public sealed class ReviewWorkflowOnSqlite(SqliteApp app) : ReviewWorkflowTests<SqliteApp>(app);

public sealed class ReviewWorkflowOnPostgres(PostgresApp app) : ReviewWorkflowTests<PostgresApp>(app);
