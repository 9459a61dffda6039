using System.Text.RegularExpressions;
using OpenCcs.Core.Common;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class NoticeLayoutTests
{
    [Fact]
    public void A_long_service_list_runs_onto_more_pages_with_page_numbers_and_repeated_headers()
    {
        var letter = NoticeSamples.Approval() with { Services = NoticeSamples.ManyLines(40) };

        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(letter));

        Assert.True(pdf.Pages.Count >= 2, $"expected at least two pages, got {pdf.Pages.Count}");
        for (var i = 0; i < pdf.Pages.Count; i++)
            Assert.Contains($"Page {i + 1} of {pdf.Pages.Count}", pdf.Pages[i]);
        Assert.Contains("97001", pdf.Pages[0]);
        Assert.Contains("97040", pdf.Text);
        Assert.Contains("Code Service From To Units", pdf.Pages[1]);
        foreach (var line in letter.Services)
            Assert.Single(Regex.Matches(pdf.Text, $@"\b{line.Code}\b"));
    }

    [Fact]
    public void Spanish_page_numbers_are_in_spanish()
    {
        var letter = NoticeSamples.Approval(Language.Spanish) with { Services = NoticeSamples.ManyLines(40) };

        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(letter));

        Assert.Contains($"Página 1 de {pdf.Pages.Count}", pdf.Pages[0]);
        Assert.DoesNotContain("Page 1 of", pdf.Text);
    }

    [Fact]
    public void A_short_notice_is_numbered_too()
    {
        var pdf = PdfReader.Read(SarCoverSheetPdf.Render(NoticeSamples.CoverSheet() with { Services = NoticeSamples.ApprovedLines.Take(1).ToList() }));

        Assert.Contains($"Page 1 of {pdf.Pages.Count}", pdf.Pages[0]);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_rather_than_running_off_the_page()
    {
        var unbroken = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 20));

        var bytes = NoticeOfActionPdf.Render(NoticeSamples.Denial(reason: unbroken));

        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.All(letters, l => Assert.InRange(l.BoundingBox.Right, 0, 612 - 71.5));
        Assert.Contains(unbroken, string.Concat(letters.Select(l => l.Value)));
    }
}
