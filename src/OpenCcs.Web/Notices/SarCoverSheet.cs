using OpenCcs.Core.Authorizations;

namespace OpenCcs.Web.Notices;

/// <summary>The child as ISCD staff identify them: name, date of birth and Medi-Cal CIN.</summary>
public sealed record CoverSheetChild(string Name, DateOnly DateOfBirth, string Cin);

/// <summary>The CCS diagnosis: ICD-10 code and its description.</summary>
public sealed record CoverSheetDiagnosis(string Code, string Description);

/// <summary>The county staff member ISCD calls about this SAR.</summary>
public sealed record CountyContact(string Name, string Phone, string? Email = null, string? Fax = null);

/// <summary>One line of the attachments check list: a document ISCD expects, and whether it is enclosed.</summary>
public sealed record CoverSheetAttachment(string Name, bool Included);

/// <summary>
/// The cover sheet a county sends with a SAR it forwards to the State (DHCS ISCD), naming the queue
/// and the category that led there (DOMAIN.md §7). A SAR forwarded without one is returned to the
/// county. It is for state staff, so it is printed in English only.
/// </summary>
/// <param name="County">The county's name, e.g. "Fresno".</param>
/// <param name="Category">The routing category that chose the queue, e.g. "Hospital discharge needs".</param>
/// <param name="Notes">Optional free text from the county to the reviewer.</param>
public sealed record SarCoverSheet(
    string SarNumber,
    string County,
    DateOnly DateForwarded,
    IscdQueue Queue,
    string Category,
    CoverSheetChild Child,
    NoticeProvider RequestingProvider,
    CoverSheetDiagnosis Diagnosis,
    IReadOnlyList<NoticeServiceLine> Services,
    CountyContact CountyContact,
    IReadOnlyList<CoverSheetAttachment> Attachments,
    string? Notes = null);

/// <summary>Draws a <see cref="SarCoverSheet"/> as a PDF.</summary>
public static class SarCoverSheetPdf
{
    private const double LabelWidth = 160;

    public static byte[] Render(SarCoverSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        NoticeParts.RequireText(sheet.SarNumber, nameof(sheet.SarNumber));
        NoticeParts.RequireText(sheet.Category, nameof(sheet.Category));

        var text = new NoticeText(NoticeText.English);
        var queue = text[$"Queue{sheet.Queue}"];

        using var layout = new NoticeLayout(
            new NoticeDocumentInfo(text["CoverTitle"], text.Format("CoverSubject", sheet.SarNumber, queue), text.Format("CoverAuthor", sheet.County), text.LanguageTag),
            text.Format("CoverFooter", sheet.SarNumber, queue),
            text.PageNumber,
            compact: true);

        layout.Paragraph(text.Format("CoverFrom", sheet.County), layout.Small, spaceAfter: 2);
        layout.Heading(text["CoverTitle"]);
        layout.Paragraph(text["CoverPurpose"], spaceAfter: 4);
        layout.Callout(text.Format("CoverQueue", queue) + "\n" + text.Format("CoverCategory", sheet.Category), layout.Section);

        layout.Field(text["LabelSarNumber"], sheet.SarNumber, LabelWidth);
        layout.Field(text["CoverCounty"], sheet.County, LabelWidth);
        layout.Field(text["CoverDateForwarded"], text.Date(sheet.DateForwarded), LabelWidth);
        layout.Rule();
        layout.Field(text["CoverChild"], sheet.Child.Name, LabelWidth);
        layout.Field(text["LabelDateOfBirth"], text.Date(sheet.Child.DateOfBirth), LabelWidth);
        layout.Field(text["CoverCin"], sheet.Child.Cin, LabelWidth);
        layout.Rule();
        layout.Field(text["CoverProvider"], sheet.RequestingProvider.Name, LabelWidth);
        layout.Field(text["CoverNpi"], Or(sheet.RequestingProvider.Npi, text), LabelWidth);
        if (!string.IsNullOrWhiteSpace(sheet.RequestingProvider.Phone))
            layout.Field(text["CoverProviderPhone"], sheet.RequestingProvider.Phone, LabelWidth);
        layout.Field(text["CoverDiagnosis"], text.Format("CoverDiagnosisValue", sheet.Diagnosis.Code, sheet.Diagnosis.Description), LabelWidth);
        layout.Rule();
        var contact = sheet.CountyContact;
        var reach = new[] { contact.Phone, contact.Email, Prefixed(contact.Fax, "CoverFax", text) }.Where(v => !string.IsNullOrWhiteSpace(v));
        layout.Field(text["CoverContact"], $"{contact.Name}\n{string.Join(" · ", reach)}", LabelWidth);

        layout.Subheading(text["CoverServicesHeading"], linesAfter: 3);
        NoticeParts.ServiceTable(layout, sheet.Services, text);

        layout.Subheading(text["CoverAttachmentsHeading"]);
        if (sheet.Attachments.Count == 0)
            layout.Paragraph(text["CoverNoAttachments"]);
        else
            layout.Checklist(sheet.Attachments.Select(a => (a.Name, a.Included, text[a.Included ? "CoverIncluded" : "CoverMissing"])));

        if (!string.IsNullOrWhiteSpace(sheet.Notes))
            layout.Subheading(text["CoverNotesHeading"], sheet.Notes);
        return layout.Finish();
    }

    private static string Or(string? value, NoticeText text) => string.IsNullOrWhiteSpace(value) ? text["CoverNotGiven"] : value;

    private static string? Prefixed(string? value, string key, NoticeText text) => string.IsNullOrWhiteSpace(value) ? null : text.Format(key, value);
}
