using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenCcs.Web.Notices;

/// <summary>One column of a <see cref="NoticeLayout.Table"/>: its header, its share of the width, and its alignment.</summary>
internal sealed record TableColumn(string Header, double Share, bool AlignRight = false);

/// <summary>
/// A small flowing layout over PDFsharp: Letter pages with one-inch margins, Public Sans, headings,
/// wrapped paragraphs, label/value rows, bullet lists, check lists, simple tables and a boxed
/// callout. Content runs down the page and onto new pages as needed; <see cref="Finish"/> stamps
/// every page with a footer and "Page n of m" and returns the PDF bytes.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance draws one document. Distances are in points (1/72 inch).
/// </remarks>
internal sealed class NoticeLayout : IDisposable
{
    public const double PageWidth = 612;   // 8.5 in
    public const double PageHeight = 792;  // 11 in
    public const double Margin = 72;       // 1 in
    private const int KeepTogetherLines = 4;

    // U.S. Web Design System colours, so the paper matches the screens.
    private static readonly XColor Ink = XColor.FromArgb(0x1b, 0x1b, 0x1b);        // base-darkest
    private static readonly XColor Muted = XColor.FromArgb(0x56, 0x5c, 0x65);      // base-dark
    private static readonly XColor Primary = XColor.FromArgb(0x00, 0x5e, 0xa2);    // primary
    private static readonly XColor Border = XColor.FromArgb(0xa9, 0xae, 0xb1);     // base-light
    private static readonly XColor Shade = XColor.FromArgb(0xf0, 0xf0, 0xf0);      // base-lightest
    private static readonly XColor CalloutShade = XColor.FromArgb(0xe7, 0xf6, 0xf8); // info-lighter

    private readonly PdfDocument _document;
    private readonly List<PdfPage> _pages = [];
    private readonly string _footer;
    private readonly Func<int, int, string> _pageNumber;
    private XGraphics _graphics = null!;
    private double _y;
    private bool _finished;

    /// <param name="compact">Smaller body text and tighter lines, for forms read by staff rather than letters to families.</param>
    public NoticeLayout(NoticeDocumentInfo info, string footer, Func<int, int, string> pageNumber, bool compact = false)
    {
        NoticePdfSetup.EnsureReady();
        _document = new PdfDocument();
        _footer = footer;
        _pageNumber = pageNumber;

        _document.Info.Title = info.Title;
        _document.Info.Subject = info.Subject;
        _document.Info.Author = info.Author;
        _document.Info.Creator = "OpenCCS";
        _document.Language = info.Language;
        _document.ViewerPreferences.DisplayDocTitle = true;

        var size = compact ? 10 : 11;
        var leading = compact ? 14.5 : 16.5;
        Body = new TextStyle(Font(PublicSansFontResolver.Family, size, XFontStyleEx.Regular), Ink, leading);
        Strong = Body with { Font = Font(PublicSansFontResolver.Family, size, XFontStyleEx.Bold) };
        Small = new TextStyle(Font(PublicSansFontResolver.Family, 9, XFontStyleEx.Regular), Muted, 13);
        Title = new TextStyle(Font(PublicSansFontResolver.Family, 20, XFontStyleEx.Bold), Ink, 26);
        Section = new TextStyle(Font(PublicSansFontResolver.Family, 13.5, XFontStyleEx.Bold), Ink, 19);
        Masthead = new TextStyle(Font(PublicSansFontResolver.Family, 15, XFontStyleEx.Bold), Primary, 20);
        TableText = new TextStyle(Font(PublicSansFontResolver.Family, 10, XFontStyleEx.Regular), Ink, 14);
        TableHeader = new TextStyle(Font(PublicSansFontResolver.SemiBoldFamily, 10, XFontStyleEx.Regular), Ink, 14);
        Emphasis = new TextStyle(Font(PublicSansFontResolver.Family, size, XFontStyleEx.Italic), Ink, leading);

        NewPage();
    }

    public TextStyle Body { get; }
    public TextStyle Strong { get; }
    public TextStyle Small { get; }
    public TextStyle Title { get; }
    public TextStyle Section { get; }
    public TextStyle Masthead { get; }
    public TextStyle TableText { get; }
    public TextStyle TableHeader { get; }
    public TextStyle Emphasis { get; }

    public static double ContentWidth => PageWidth - 2 * Margin;

    private static double Bottom => PageHeight - Margin;

    /// <summary>The document's main heading.</summary>
    public void Heading(string text)
    {
        KeepWithNext(Title.LineHeight + 2 * Body.LineHeight);
        Lines(text, Title, Margin, ContentWidth);
        _y += 6;
    }

    /// <summary>A section heading, kept on the same page as the first <paramref name="linesAfter"/> lines of what follows it.</summary>
    public void Subheading(string text, int linesAfter = 2)
    {
        _y += 10;
        KeepWithNext(Section.LineHeight + 3 + linesAfter * Body.LineHeight);
        Lines(text, Section, Margin, ContentWidth);
        _y += 3;
    }

    /// <summary>A section heading and the paragraph under it, never parted by a page break.</summary>
    public void Subheading(string heading, string paragraph)
    {
        var lines = Wrap(paragraph, Body.Font, ContentWidth).Count;
        Subheading(heading, lines <= KeepTogetherLines ? lines : 2);
        Paragraph(paragraph);
    }

    /// <summary>A bold caption kept on the same page as the header and first row of the table under it.</summary>
    public void Caption(string text)
    {
        KeepWithNext(Strong.LineHeight + 2 * (TableText.LineHeight + 10));
        Paragraph(text, Strong, spaceAfter: 0);
    }

    /// <summary>The height <see cref="Paragraph"/> would take for <paramref name="text"/>, spacing after included.</summary>
    public double HeightOf(string text, TextStyle? style = null, double spaceAfter = 7)
    {
        var s = style ?? Body;
        return Wrap(text, s.Font, ContentWidth).Count * s.LineHeight + spaceAfter;
    }

    /// <summary>Wrapped text; explicit line breaks in <paramref name="text"/> are kept.</summary>
    public void Paragraph(string text, TextStyle? style = null, double spaceAfter = 7, double indent = 0)
    {
        var s = style ?? Body;
        Lines(text, s, Margin + indent, ContentWidth - indent);
        _y += spaceAfter;
    }

    /// <summary>A thin or thick horizontal line across the text column.</summary>
    public void Rule(bool strong = false)
    {
        EnsureSpace(8);
        _y += strong ? 3 : 1;
        var pen = new XPen(strong ? Primary : Border, strong ? 2 : 0.75);
        _graphics.DrawLine(pen, Margin, _y, Margin + ContentWidth, _y);
        _y += strong ? 12 : 6;
    }

    public void Space(double points) => _y += points;

    /// <summary>A label in bold and its value beside it; both wrap within their own column.</summary>
    public void Field(string label, string value, double labelWidth = 150)
    {
        var valueWidth = ContentWidth - labelWidth;
        var labels = Wrap(label, Strong.Font, labelWidth - 10);
        var values = Wrap(value, Body.Font, valueWidth);
        var count = Math.Max(labels.Count, values.Count);
        for (var i = 0; i < count; i++)
        {
            EnsureSpace(Body.LineHeight);
            if (i < labels.Count)
                DrawLine(labels[i], Strong, Margin);
            if (i < values.Count)
                DrawLine(values[i], Body, Margin + labelWidth);
            _y += Body.LineHeight;
        }
        _y += 2;
    }

    /// <summary>A bulleted list; each item wraps under its own text, not under the bullet.</summary>
    public void Bullets(IEnumerable<string> items)
    {
        const double indent = 18;
        foreach (var item in items)
        {
            var lines = Wrap(item, Body.Font, ContentWidth - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureSpace(Body.LineHeight);
                if (i == 0)
                    DrawLine("•", Body, Margin + 5);
                DrawLine(lines[i], Body, Margin + indent);
                _y += Body.LineHeight;
            }
            _y += 4;
        }
        _y += 3;
    }

    /// <summary>
    /// A check list: a box, ticked when the item is done, the item's text, and a word saying its
    /// state (so the state is also in the text, for anyone reading the PDF with a screen reader).
    /// </summary>
    public void Checklist(IEnumerable<(string Item, bool Done, string State)> items)
    {
        const double box = 10, indent = 22, stateWidth = 90;
        foreach (var (item, done, state) in items)
        {
            var lines = Wrap(item, Body.Font, ContentWidth - indent - stateWidth);
            EnsureSpace(Body.LineHeight * Math.Min(lines.Count, 2));
            var top = _y + (Body.LineHeight - box) / 2;
            var pen = new XPen(Ink, 0.9);
            _graphics.DrawRectangle(pen, Margin, top, box, box);
            if (done)
            {
                var tick = new XPen(Ink, 1.6);
                _graphics.DrawLine(tick, Margin + 2, top + box * 0.55, Margin + box * 0.42, top + box - 2);
                _graphics.DrawLine(tick, Margin + box * 0.42, top + box - 2, Margin + box - 1.5, top + 2);
            }
            DrawLine(state, done ? Body : Strong, Margin + ContentWidth - stateWidth);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureSpace(Body.LineHeight);
                DrawLine(lines[i], Body, Margin + indent);
                _y += Body.LineHeight;
            }
            _y += 4;
        }
    }

    /// <summary>A shaded box with a coloured bar on its left, for the one thing a reader must not miss.</summary>
    public void Callout(string text, TextStyle? style = null)
    {
        const double pad = 9, bar = 5;
        var s = style ?? Strong;
        var width = ContentWidth - bar - 2 * pad;
        var lines = Wrap(text, s.Font, width);
        var height = lines.Count * s.LineHeight + 2 * pad;
        _y += 4;
        EnsureSpace(height);
        _graphics.DrawRectangle(new XSolidBrush(CalloutShade), Margin, _y, ContentWidth, height);
        _graphics.DrawRectangle(new XSolidBrush(Primary), Margin, _y, bar, height);
        var y = _y + pad;
        foreach (var line in lines)
        {
            DrawLineAt(line, s, Margin + bar + pad, y);
            y += s.LineHeight;
        }
        _y += height + 10;
    }

    /// <summary>
    /// A table with a shaded header row. Cells wrap; a row never splits across pages, and the
    /// header repeats at the top of each new page the table runs onto.
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        const double pad = 5;
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => ContentWidth * c.Share / total).ToArray();

        var headerLines = columns.Select((c, i) => Wrap(c.Header, TableHeader.Font, widths[i] - 2 * pad)).ToArray();
        var headerHeight = headerLines.Max(l => l.Count) * TableHeader.LineHeight + 2 * pad;

        void DrawHeader()
        {
            _graphics.DrawRectangle(new XSolidBrush(Shade), Margin, _y, ContentWidth, headerHeight);
            DrawCells(headerLines, TableHeader, _y + pad);
            _y += headerHeight;
            _graphics.DrawLine(new XPen(Ink, 1), Margin, _y, Margin + ContentWidth, _y);
        }

        void DrawCells(IReadOnlyList<string>[] cells, TextStyle style, double top)
        {
            var x = Margin;
            for (var c = 0; c < cells.Length; c++)
            {
                var y = top;
                foreach (var line in cells[c])
                {
                    var left = columns[c].AlignRight ? x + widths[c] - pad - Measure(line, style.Font) : x + pad;
                    DrawLineAt(line, style, left, y);
                    y += style.LineHeight;
                }
                x += widths[c];
            }
        }

        _y += 2;
        EnsureSpace(headerHeight + TableText.LineHeight + 2 * pad);
        DrawHeader();
        foreach (var row in rows)
        {
            var cells = columns.Select((_, i) => Wrap(i < row.Count ? row[i] : "", TableText.Font, widths[i] - 2 * pad)).ToArray();
            var height = cells.Max(l => l.Count) * TableText.LineHeight + 2 * pad;
            if (_y + height > Bottom)
            {
                NewPage();
                DrawHeader();
            }
            DrawCells(cells, TableText, _y + pad);
            _y += height;
            _graphics.DrawLine(new XPen(Border, 0.5), Margin, _y, Margin + ContentWidth, _y);
        }
        _y += 12;
    }

    /// <summary>Starts a new page unless at least <paramref name="height"/> points are left on this one.</summary>
    public void KeepWithNext(double height) => EnsureSpace(height);

    /// <summary>Stamps the footer and page numbers on every page and returns the PDF.</summary>
    public byte[] Finish()
    {
        if (_finished)
            throw new InvalidOperationException("The document is already finished.");
        _finished = true;
        _graphics.Dispose();
        for (var i = 0; i < _pages.Count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            var baseline = PageHeight - Margin / 2;
            var brush = new XSolidBrush(Small.Color);
            graphics.DrawLine(new XPen(Border, 0.5), Margin, baseline - Small.LineHeight, Margin + ContentWidth, baseline - Small.LineHeight);
            graphics.DrawString(_footer, Small.Font, brush, Margin, baseline, XStringFormats.BaseLineLeft);
            graphics.DrawString(_pageNumber(i + 1, _pages.Count), Small.Font, brush, Margin + ContentWidth, baseline, XStringFormats.BaseLineRight);
        }
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        if (!_finished)
            _graphics.Dispose();
        _document.Dispose();
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>; a word longer than a line is cut.</summary>
    private IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : $"{current} {word}";
                if (Measure(candidate, font) <= width)
                {
                    current.Clear().Append(candidate);
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                var rest = word;
                while (rest.Length > 1 && Measure(rest, font) > width)
                {
                    var fits = 1;
                    while (fits < rest.Length && Measure(rest[..(fits + 1)], font) <= width)
                        fits++;
                    lines.Add(rest[..fits]);
                    rest = rest[fits..];
                }
                current.Append(rest);
            }
            lines.Add(current.ToString());
        }
        return lines;
    }

    private double Measure(string text, XFont font) => _graphics.MeasureString(text, font).Width;

    private void Lines(string text, TextStyle style, double x, double width)
    {
        var lines = Wrap(text, style.Font, width);
        // A short paragraph stays in one piece, so no page starts or ends with a lone line of it.
        if (lines.Count <= KeepTogetherLines)
            EnsureSpace(lines.Count * style.LineHeight);
        foreach (var line in lines)
        {
            EnsureSpace(style.LineHeight);
            DrawLine(line, style, x);
            _y += style.LineHeight;
        }
    }

    private void DrawLine(string line, TextStyle style, double x) => DrawLineAt(line, style, x, _y);

    private void DrawLineAt(string line, TextStyle style, double x, double top)
    {
        if (line.Length == 0)
            return;
        var offset = (style.LineHeight - style.Font.GetHeight()) / 2;
        _graphics.DrawString(line, style.Font, new XSolidBrush(style.Color), x, top + offset, XStringFormats.TopLeft);
    }

    private void EnsureSpace(double height)
    {
        if (_y + height > Bottom && _y > Margin)
            NewPage();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _pages.Add(page);
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private static XFont Font(string family, double size, XFontStyleEx style) =>
        new(family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
}

/// <summary>How a piece of text is drawn: face and size, colour, and the distance from one line to the next.</summary>
internal sealed record TextStyle(XFont Font, XColor Color, double LineHeight);

/// <summary>The PDF's document information: shown in a viewer's title bar and read by screen readers and search.</summary>
internal sealed record NoticeDocumentInfo(string Title, string Subject, string Author, string Language);
