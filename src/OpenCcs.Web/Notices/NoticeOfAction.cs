using OpenCcs.Core.Common;

namespace OpenCcs.Web.Notices;

/// <summary>What the decision did to the request.</summary>
public enum NoticeAction
{
    /// <summary>Nothing requested was approved.</summary>
    Denied,

    /// <summary>Approved with a change to frequency, duration, provider or type of service.</summary>
    Modified,
}

/// <summary>Who hears the family's appeal (DOMAIN.md §3 and §8).</summary>
public enum AppealBody
{
    /// <summary>Classic CCS in an independent county: a written appeal to the county CCS director.</summary>
    CountyCcsDirector,

    /// <summary>Classic CCS in a dependent county: a written appeal to the State (DHCS ISCD).</summary>
    State,

    /// <summary>Whole Child Model plan member: an appeal to the plan, then a State Hearing.</summary>
    HealthPlan,
}

/// <summary>
/// Where and by when the family appeals. The renderer prints these as given and computes nothing:
/// use <see cref="AppealDeadlines"/> to work out the dates.
/// </summary>
/// <param name="Name">Who the appeal goes to, e.g. "Director, Fresno County CCS", "Department of Health Care Services, ISCD", or the plan's name.</param>
/// <param name="Address">Where to mail it; line breaks are kept.</param>
/// <param name="Deadline">The last day to appeal: the postmark date for a CCS appeal, the filing date for a plan appeal.</param>
/// <param name="ContinueServicesIfAppealedBy">The last day to appeal for services already given to continue during the appeal.</param>
/// <param name="Phone">Optional; printed when given (a plan appeal can be made by phone).</param>
/// <param name="StateHearingContact">Optional, for plan members: where to ask for a State Hearing after the plan's decision.</param>
public sealed record AppealRoute(
    AppealBody To,
    string Name,
    string Address,
    DateOnly Deadline,
    DateOnly ContinueServicesIfAppealedBy,
    string? Phone = null,
    string? StateHearingContact = null);

/// <summary>
/// A Notice of Action on a SAR that was denied or approved with changes (DOMAIN.md §8): the action
/// and when it takes effect, the reason, the rule behind it, and the right to appeal — how and by when.
/// </summary>
/// <param name="NoticeDate">The date printed on the notice; the appeal deadlines count from it.</param>
/// <param name="Reason">The reason in plain words, in the notice's language (it is printed as given).</param>
/// <param name="RuleCitation">The rule the decision rests on, e.g. "California Code of Regulations, title 22, section 42180".</param>
/// <param name="Requested">What the provider asked for.</param>
/// <param name="Approved">What was approved instead; empty for a denial.</param>
public sealed record NoticeOfAction(
    Language Language,
    CountyOffice Office,
    DateOnly NoticeDate,
    NoticeRecipient Recipient,
    NoticeChild Child,
    string SarNumber,
    NoticeProvider Provider,
    NoticeAction Action,
    DateOnly EffectiveDate,
    string Reason,
    string RuleCitation,
    IReadOnlyList<NoticeServiceLine> Requested,
    IReadOnlyList<NoticeServiceLine> Approved,
    AppealRoute Appeal,
    string? ContactName = null);

/// <summary>Draws a <see cref="NoticeOfAction"/> as a PDF.</summary>
public static class NoticeOfActionPdf
{
    public static byte[] Render(NoticeOfAction notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        NoticeParts.RequireText(notice.SarNumber, nameof(notice.SarNumber));
        NoticeParts.RequireText(notice.Reason, nameof(notice.Reason));
        NoticeParts.RequireText(notice.RuleCitation, nameof(notice.RuleCitation));
        if (notice.Action == NoticeAction.Denied && notice.Approved.Count > 0)
            throw new ArgumentException("A denial approves nothing; use Modified when some of the request is approved.", nameof(notice));

        var text = NoticeText.For(notice.Language);
        var child = notice.Child.Name;
        var provider = notice.Provider.Name;
        var appeal = notice.Appeal;

        using var layout = new NoticeLayout(
            new NoticeDocumentInfo(text["NoaTitle"], text.Format("NoaSubject", notice.SarNumber), notice.Office.Name, text.LanguageTag),
            text.Format("NoaFooter", notice.SarNumber),
            text.PageNumber);

        NoticeParts.Letterhead(layout, notice.Office, text);
        NoticeParts.DateAndRecipient(layout, notice.NoticeDate, notice.Recipient, text);

        layout.Heading(text["NoaTitle"]);
        layout.Paragraph(text.Format(notice.Action == NoticeAction.Denied ? "NoaSummaryDenied" : "NoaSummaryModified", child), layout.Strong, spaceAfter: 10);
        layout.Field(text["LabelChild"], child);
        layout.Field(text["LabelDateOfBirth"], text.Date(notice.Child.DateOfBirth));
        layout.Field(text["LabelSarNumber"], notice.SarNumber);
        layout.Field(text["LabelProvider"], provider);
        layout.Field(text["LabelDecision"], text[notice.Action == NoticeAction.Denied ? "ActionDenied" : "ActionModified"]);
        layout.Field(text["LabelEffectiveDate"], text.Date(notice.EffectiveDate));
        layout.Field(text["LabelAppealDeadline"], text.Date(appeal.Deadline));

        layout.Subheading(text["NoaDecisionHeading"]);
        if (notice.Action == NoticeAction.Denied)
        {
            layout.Paragraph(text.Format("NoaDeniedText", provider));
            NoticeParts.ServiceTable(layout, notice.Requested, text);
        }
        else
        {
            layout.Paragraph(text.Format("NoaModifiedText", provider));
            layout.Caption(text["NoaRequestedHeading"]);
            NoticeParts.ServiceTable(layout, notice.Requested, text);
            layout.Caption(text["NoaApprovedHeading"]);
            NoticeParts.ServiceTable(layout, notice.Approved, text);
        }
        layout.Paragraph(text.Format("NoaEffective", text.Date(notice.EffectiveDate)));

        layout.Subheading(text["NoaWhyHeading"], notice.Reason);
        layout.Paragraph(text.Format("NoaRule", notice.RuleCitation));

        layout.Subheading(text["AppealHeading"], text["AppealIntro"]);
        layout.Callout(text.Format("AppealDeadline", text.Date(appeal.Deadline)));
        if (appeal.To == AppealBody.HealthPlan)
            PlanAppeal(layout, notice, text);
        else
            CcsAppeal(layout, notice, text);
        layout.Paragraph(text["AppealHelpFromSomeone"]);

        layout.Subheading(text["ContinueHeading"], text.Format("ContinueText", child, text.Date(appeal.ContinueServicesIfAppealedBy)));

        NoticeParts.Help(layout, notice.Office, notice.ContactName, text);
        return layout.Finish();
    }

    private static void CcsAppeal(NoticeLayout layout, NoticeOfAction notice, NoticeText text)
    {
        var appeal = notice.Appeal;
        layout.Paragraph(text.Format("AppealHowCcs", notice.Child.Name, notice.SarNumber));
        layout.Paragraph(text["AppealMailTo"], layout.Strong, spaceAfter: 0);
        layout.Paragraph(AddressBlock(appeal, text), indent: 18, spaceAfter: 9);
        layout.Paragraph(text.Format("AppealPostmark", text.Date(appeal.Deadline)));
        layout.Paragraph(text.Format("AppealDecisionCcs", AppealDeadlines.CcsAppealDecisionDays));
        layout.Paragraph(text.Format("FairHearing", AppealDeadlines.FairHearingRequestDays));
    }

    private static void PlanAppeal(NoticeLayout layout, NoticeOfAction notice, NoticeText text)
    {
        var appeal = notice.Appeal;
        layout.Paragraph(text.Format("AppealPlanIntro", notice.Child.Name, appeal.Name));
        layout.Paragraph(text.Format("AppealPlanHow", text.Date(appeal.Deadline), notice.SarNumber));
        layout.Paragraph(text["AppealPlanContact"], layout.Strong, spaceAfter: 0);
        layout.Paragraph(AddressBlock(appeal, text), indent: 18, spaceAfter: 9);
        layout.Paragraph(text.Format("AppealDecisionPlan",
            AppealDeadlines.PlanAppealDecisionDays, notice.Child.Name, AppealDeadlines.PlanExpeditedAppealDecisionHours));
        var how = string.IsNullOrWhiteSpace(appeal.StateHearingContact)
            ? text["StateHearingHowFromPlan"]
            : text.Format("StateHearingContact", appeal.StateHearingContact);
        layout.Paragraph(text.Format("StateHearing", AppealDeadlines.StateHearingRequestDays) + " " + how);
    }

    private static string AddressBlock(AppealRoute appeal, NoticeText text) =>
        string.IsNullOrWhiteSpace(appeal.Phone)
            ? $"{appeal.Name}\n{appeal.Address}"
            : $"{appeal.Name}\n{appeal.Address}\n{text.Format("AppealPhone", appeal.Phone)}";
}
