using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Counties;
using OpenCcs.Data;
using OpenCcs.Data.Documents;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A reason a reviewer may cite for a denial or modification, printed on the Notice of Action.</summary>
public sealed record DenialRule(string Id, string Label, string Citation);

/// <summary>
/// Builds the notices a decision sends (DOMAIN.md §8): the approval letter, the Notice of Action, and the
/// SAR cover sheet for ISCD. Each is added to the context, so it commits with the decision or not at all.
/// </summary>
public sealed class DecideNotices(CcsDbContext db, CountyDirectory counties, NoticeRenderer renderer, ServiceCodeGroupTable scgs)
{
    /// <summary>The rules a reviewer chooses from when denying or modifying: the project's short list, to be checked by program staff.</summary>
    public static readonly IReadOnlyList<DenialRule> Rules =
    [
        new("medical-necessity", "Not medically necessary for the CCS-eligible condition", "California Code of Regulations, title 22, section 51303 (medical necessity)"),
        new("not-ccs-condition", "The service is not for the child's CCS-eligible condition", "California Code of Regulations, title 22, sections 41515.1 to 41518.9 (CCS medically eligible conditions)"),
        new("not-a-ccs-benefit", "The service is not a benefit of the CCS program", "Health and Safety Code, section 123840 (CCS benefits)"),
    ];

    public static DenialRule? Rule(string? id) => Rules.FirstOrDefault(r => r.Id == id);

    public async Task<Notice> ApprovalLetterAsync(Sar sar, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(sar, cancellationToken);
        var today = PacificDate(nowUtc);
        var scg = sar.GrantedScg() is { } grant ? new ServiceCodeGroupingGrant(grant.Code, scgs.Find(grant.Code, grant.From)?.Name ?? grant.Code) : null;
        var pdf = renderer.Render(new ApprovalLetter(facts.Language, facts.Office, today, facts.Recipient, facts.Child, sar.Number.Value,
            await ProviderAsync(sar.AuthorizedProviderId ?? sar.RequestingProviderId, cancellationToken), Approved(sar), scg));
        return Add(NoticeKind.ApprovalLetter, sar, facts.Language, $"Approval of SAR {sar.Number.Value}", nowUtc, today, pdf, forFamily: true);
    }

    public async Task<Notice> NoticeOfActionAsync(Sar sar, NoticeAction action, string reason, DenialRule rule, ReviewerKind reviewer, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(sar, cancellationToken);
        var today = PacificDate(nowUtc);
        var county = counties.Get(sar.County);
        var model = county.ModelOn(PacificDate(sar.ReceivedAt));
        // DOMAIN.md §8: approved continuing services continue during an appeal filed in time, so the two dates are the same.
        var appeal = reviewer == ReviewerKind.Plan
            ? new AppealRoute(AppealBody.HealthPlan, model.PlanName ?? "Your health plan", "Call your health plan's member services for where to send your appeal.",
                AppealDeadlines.PlanAppealDeadline(today), AppealDeadlines.PlanAppealDeadline(today))
            : model.Administration == Administration.Independent
                ? new AppealRoute(AppealBody.CountyCcsDirector, $"Director, {county.Name} County CCS", facts.Office.Address, AppealDeadlines.CcsAppealDeadline(today), AppealDeadlines.CcsAppealDeadline(today))
                : new AppealRoute(AppealBody.State, "Department of Health Care Services, Integrated Systems of Care Division",
                    counties.StateOffice?.MailingAddress ?? "Department of Health Care Services, Sacramento, CA", AppealDeadlines.CcsAppealDeadline(today), AppealDeadlines.CcsAppealDeadline(today));
        var pdf = renderer.Render(new NoticeOfAction(facts.Language, facts.Office, today, facts.Recipient, facts.Child, sar.Number.Value,
            await ProviderAsync(sar.RequestingProviderId, cancellationToken), action, today, reason, rule.Citation,
            Requested(sar), action == NoticeAction.Denied ? [] : Approved(sar), appeal));
        return Add(NoticeKind.NoticeOfAction, sar, facts.Language, $"Notice of Action on SAR {sar.Number.Value}", nowUtc,
            AppealDeadlines.NoticeOfActionDue(today), pdf, forFamily: true);
    }

    public async Task<Notice> CoverSheetAsync(Sar sar, IscdQueue queue, string category, string contactName, string? notes, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == sar.ChildId, cancellationToken);
        var county = counties.Get(sar.County);
        var today = PacificDate(nowUtc);
        var pdf = renderer.Render(new SarCoverSheet(sar.Number.Value, county.Name, today, queue, category,
            new CoverSheetChild($"{child.Name.First} {child.Name.Last}", child.DateOfBirth, child.Cin?.ToString() ?? "Not assigned"),
            await ProviderAsync(sar.RequestingProviderId, cancellationToken), new CoverSheetDiagnosis(sar.DiagnosisCode, sar.DiagnosisCode),
            Requested(sar), new CountyContact(contactName, county.Office?.Phone ?? "Not listed", Fax: county.Office?.Fax), [], notes));
        return Add(NoticeKind.SarCoverSheet, sar, child.Language, $"SAR cover sheet for {sar.Number.Value}", nowUtc, today, pdf, forFamily: false);
    }

    private Notice Add(NoticeKind kind, Sar sar, Core.Common.Language language, string title, DateTime nowUtc, DateOnly dueBy, byte[] pdf, bool forFamily)
    {
        var notice = new Notice
        {
            Kind = kind, ChildId = sar.ChildId, SarId = sar.Id, CountyCode = sar.County.Value, Language = language, Title = title,
            CreatedAt = nowUtc, DueBy = dueBy, Pdf = pdf, ForFamily = forFamily,
        };
        db.Notices.Add(notice);
        return notice;
    }

    private sealed record Facts(Core.Common.Language Language, CountyOffice Office, NoticeRecipient Recipient, NoticeChild Child);

    private async Task<Facts> FactsAsync(Sar sar, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == sar.ChildId, cancellationToken);
        var county = counties.Get(sar.County);
        var office = new CountyOffice($"{county.Name} County California Children's Services",
            county.Office?.MailingAddress ?? county.Office?.PhysicalAddress ?? $"{county.Name} County, California", county.Office?.Phone ?? "", county.Office?.Fax);
        // The family is the first guardian with a mailing address. Without one the letter still goes in the
        // batch, addressed to the guardian, and county staff address the envelope from the case file.
        var guardian = child.NoticeRecipient() ?? child.Guardians.FirstOrDefault();
        var name = guardian is null ? $"Parent or guardian of {child.Name.First} {child.Name.Last}" : $"{guardian.Name.First} {guardian.Name.Last}";
        var address = guardian?.Address is { } on
            ? new MailingAddress(on.Street, on.Unit, on.City, on.State, on.ZipCode)
            : new MailingAddress("Address on file", null, county.Name, "CA", "");
        var recipient = new NoticeRecipient(name, address);
        return new Facts(child.Language, office, recipient, new NoticeChild($"{child.Name.First} {child.Name.Last}", child.DateOfBirth));
    }

    private async Task<NoticeProvider> ProviderAsync(Guid id, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Npi }).SingleAsync(cancellationToken);
        return new NoticeProvider(provider.Name, Npi: provider.Npi.Value);
    }

    private static NoticeServiceLine[] Requested(Sar sar) =>
        sar.Lines.Select(l => new NoticeServiceLine(l.Code ?? "", l.Description, l.From, l.To, l.RequestedUnits)).ToArray();

    private static NoticeServiceLine[] Approved(Sar sar) =>
        sar.Lines.Where(l => l.AuthorizedUnits is not null)
            .Select(l => new NoticeServiceLine(l.Code ?? "", l.Description, l.AuthorizedFrom ?? l.From, l.AuthorizedTo ?? l.To, l.AuthorizedUnits!.Value)).ToArray();

    public static DateOnly PacificDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, BusinessCalendar.Pacific));
}
