namespace OpenCcs.Web.Notices;

/// <summary>The pieces the family letters share: letterhead, date and address, the facts box, service tables, and where to get help.</summary>
internal static class NoticeParts
{
    public static void Letterhead(NoticeLayout layout, CountyOffice office, NoticeText text)
    {
        layout.Paragraph(office.Name, layout.Masthead, spaceAfter: 2);
        layout.Paragraph(office.Address, layout.Small, spaceAfter: 0);
        var phone = text.Format("LetterheadPhone", office.Phone);
        if (!string.IsNullOrWhiteSpace(office.Fax))
            phone += " · " + text.Format("LetterheadFax", office.Fax);
        layout.Paragraph(phone, layout.Small, spaceAfter: 0);
        layout.Rule(strong: true);
    }

    public static void DateAndRecipient(NoticeLayout layout, DateOnly date, NoticeRecipient recipient, NoticeText text)
    {
        layout.Paragraph(text.Date(date), spaceAfter: 12);
        layout.Paragraph(string.Join('\n', recipient.Address.Lines().Prepend(recipient.Name)), spaceAfter: 18);
    }

    public static void ServiceTable(NoticeLayout layout, IReadOnlyList<NoticeServiceLine> lines, NoticeText text)
    {
        if (lines.Count == 0)
        {
            layout.Paragraph(text["NoServices"]);
            return;
        }
        layout.Table(
            [
                new TableColumn(text["ColumnCode"], 1.0),
                new TableColumn(text["ColumnService"], 3.2),
                new TableColumn(text["ColumnFrom"], 1.3),
                new TableColumn(text["ColumnTo"], 1.3),
                new TableColumn(text["ColumnUnits"], 1.15, AlignRight: true),
            ],
            lines.Select(l => (IReadOnlyList<string>)[l.Code, l.Description, text.ShortDate(l.From), text.ShortDate(l.To), text.Units(l.Units)]));
    }

    /// <summary>Questions, relay service for deaf and hard-of-hearing callers, and free language help (with a line in the other language).</summary>
    public static void Help(NoticeLayout layout, CountyOffice office, string? contactName, NoticeText text)
    {
        var call = text.Format("QuestionsCall", office.Name, office.Phone);
        if (!string.IsNullOrWhiteSpace(contactName))
            call += " " + text.Format("QuestionsAskFor", contactName);
        string[] paragraphs = [call, text["Relay"], text.Format("LanguageHelp", office.Phone)];
        var tagline = text.Format("LanguageTagline", office.Phone);

        // The whole section is short: keep it on one page.
        layout.KeepWithNext(32 + paragraphs.Sum(p => layout.HeightOf(p)) + layout.HeightOf(tagline, layout.Emphasis));
        layout.Subheading(text["QuestionsHeading"]);
        foreach (var paragraph in paragraphs)
            layout.Paragraph(paragraph);
        layout.Paragraph(tagline, layout.Emphasis);
    }

    public static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} is required on a notice.", name);
    }
}
