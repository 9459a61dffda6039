using OpenCcs.Core.Common;

namespace OpenCcs.Web.Notices;

/// <summary>
/// The letter mailed to the family when a SAR is approved (DOMAIN.md §5): what was approved, for
/// whom, with which provider, for which dates, and what to do next.
/// </summary>
/// <param name="Language">The family's notice language; languages without a translation yet get English.</param>
/// <param name="Date">The date printed on the letter.</param>
/// <param name="Services">The approved lines, in the order to print them.</param>
/// <param name="ServiceCodeGrouping">The SCG granted on the SAR, if any.</param>
/// <param name="ContactName">Optional: the nurse case manager or worker to ask for.</param>
public sealed record ApprovalLetter(
    Language Language,
    CountyOffice Office,
    DateOnly Date,
    NoticeRecipient Recipient,
    NoticeChild Child,
    string SarNumber,
    NoticeProvider Provider,
    IReadOnlyList<NoticeServiceLine> Services,
    ServiceCodeGroupingGrant? ServiceCodeGrouping = null,
    string? ContactName = null);

/// <summary>Draws an <see cref="ApprovalLetter"/> as a PDF.</summary>
public static class ApprovalLetterPdf
{
    public static byte[] Render(ApprovalLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        NoticeParts.RequireText(letter.SarNumber, nameof(letter.SarNumber));

        var text = NoticeText.For(letter.Language);
        var child = letter.Child.Name;
        var provider = letter.Provider.Name;

        using var layout = new NoticeLayout(
            new NoticeDocumentInfo(text["ApprovalTitle"], text.Format("ApprovalSubject", letter.SarNumber), letter.Office.Name, text.LanguageTag),
            text.Format("ApprovalFooter", letter.SarNumber),
            text.PageNumber);

        NoticeParts.Letterhead(layout, letter.Office, text);
        NoticeParts.DateAndRecipient(layout, letter.Date, letter.Recipient, text);

        layout.Heading(text.Format("ApprovalHeading", child));
        layout.Field(text["LabelChild"], child);
        layout.Field(text["LabelDateOfBirth"], text.Date(letter.Child.DateOfBirth));
        layout.Field(text["LabelSarNumber"], letter.SarNumber);
        layout.Field(text["LabelProvider"], provider);
        layout.Space(8);
        layout.Paragraph(text.Format("ApprovalIntro", provider, child));

        layout.Subheading(text["ApprovalServicesHeading"], linesAfter: 3);
        NoticeParts.ServiceTable(layout, letter.Services, text);

        if (letter.ServiceCodeGrouping is { } scg)
        {
            layout.Subheading(text["ScgHeading"]);
            var name = text.Has($"Scg{scg.Number}") ? text[$"Scg{scg.Number}"] : scg.Name;
            layout.Callout(text.Format("ScgGranted", scg.Number, name));
            layout.Paragraph(text.Format("ScgExplained", provider, child));
        }

        layout.Subheading(text["NextHeading"]);
        layout.Bullets(
        [
            text["NextNothingToSend"],
            string.IsNullOrWhiteSpace(letter.Provider.Phone)
                ? text.Format("NextCallProvider", provider)
                : text.Format("NextCallProviderPhone", provider, letter.Provider.Phone),
            text.Format("NextKeepLetter", letter.SarNumber),
            text.Format("NextDatesOnly", child),
            text["NextTellChanges"],
        ]);

        NoticeParts.Help(layout, letter.Office, letter.ContactName, text);
        return layout.Finish();
    }
}
