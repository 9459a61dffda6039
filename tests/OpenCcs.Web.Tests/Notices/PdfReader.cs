using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace OpenCcs.Web.Tests.Notices;

/// <summary>Reads a rendered notice back with PdfPig, as a text extractor or a screen reader would see it.</summary>
internal sealed partial class PdfReader
{
    private PdfReader(IReadOnlyList<string> pages, IReadOnlyList<IReadOnlyList<Line>> lines, IReadOnlySet<string> fonts,
        string? title, string? subject, string? language)
    {
        Pages = pages;
        Lines = lines;
        FontNames = fonts;
        Title = title;
        Subject = subject;
        Language = language;
    }

    /// <summary>Each page's words joined by single spaces.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>Each page's words grouped into lines by their baseline, top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<Line>> Lines { get; }

    public IReadOnlySet<string> FontNames { get; }

    public string? Title { get; }

    public string? Subject { get; }

    /// <summary>The catalog's /Lang entry.</summary>
    public string? Language { get; }

    public string Text => string.Join(" ", Pages);

    /// <summary>The text of every page without the footers, so text that runs from one page onto the next reads as one.</summary>
    public string Body => string.Join(" ", Lines.SelectMany(page => page.Where(l => l.Baseline > FooterTop)).Select(l => l.Text));

    private const double FooterTop = 60; // points from the bottom edge: the footer sits in the one-inch margin

    public static PdfReader Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var lines = new List<IReadOnlyList<Line>>();
        var fonts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            pages.Add(Normalize(string.Join(" ", words.Select(w => w.Text))));
            lines.Add(words
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .OrderByDescending(g => g.Key)
                .Select(g => new Line(g.Key, string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))))
                .ToList());
            foreach (var letter in page.Letters)
                fonts.Add(letter.FontName ?? "(none)");
        }
        string? language = null;
        if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out IToken? token) && token is StringToken lang)
            language = lang.Data;
        return new PdfReader(pages, lines, fonts, document.Information.Title, document.Information.Subject, language);
    }

    /// <summary>Collapses runs of white space, so expected phrases can be compared with what was drawn across words.</summary>
    public static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>One line of text on a page: its baseline (points from the bottom) and its words.</summary>
internal sealed record Line(double Baseline, string Text);
