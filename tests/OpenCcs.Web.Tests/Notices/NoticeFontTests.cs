using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class NoticeFontTests
{
    public static TheoryData<string> Documents => ["approval", "noa", "cover"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_letter_is_set_in_embedded_public_sans(string document)
    {
        var bytes = document switch
        {
            "approval" => ApprovalLetterPdf.Render(NoticeSamples.Approval()),
            "noa" => NoticeOfActionPdf.Render(NoticeSamples.Modification()),
            _ => SarCoverSheetPdf.Render(NoticeSamples.CoverSheet()),
        };

        var fonts = PdfReader.Read(bytes).FontNames;

        // PDFsharp names an embedded subset "ABCDEF+<family>[,<style>]"; the six-letter tag marks a subset of the font file carried in the PDF.
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+Public Sans", f));
        Assert.Contains(fonts, f => f.EndsWith("+Public Sans Regular", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.EndsWith("+Public Sans,Bold", StringComparison.Ordinal));
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Italic_and_semibold_faces_are_used_too()
    {
        var fonts = PdfReader.Read(ApprovalLetterPdf.Render(NoticeSamples.Approval())).FontNames;

        Assert.Contains(fonts, f => f.EndsWith("+Public Sans,Italic", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.EndsWith("+Public Sans Semi", StringComparison.Ordinal));
    }

    [Fact]
    public void The_resolver_serves_every_face_from_the_assembly_and_nothing_else()
    {
        var resolver = new PublicSansFontResolver();

        foreach (var face in PublicSansFontResolver.FaceNames)
        {
            var bytes = resolver.GetFont(face);
            Assert.NotNull(bytes);
            Assert.True(bytes.Length > 10_000, $"{face} looks too small to be a font");
        }
        Assert.Equal("PublicSans-Bold", resolver.ResolveTypeface("Public Sans", bold: true, italic: false)?.FaceName);
        Assert.Equal("PublicSans-Italic", resolver.ResolveTypeface("public sans", bold: false, italic: true)?.FaceName);
        Assert.Equal("PublicSans-SemiBold", resolver.ResolveTypeface("Public Sans SemiBold", bold: false, italic: false)?.FaceName);
        Assert.Null(resolver.ResolveTypeface("Arial", bold: false, italic: false));
        Assert.Null(resolver.GetFont("Arial"));
    }

    [Fact]
    public void Documents_render_in_parallel()
    {
        var results = new byte[16][];

        Parallel.For(0, results.Length, i => results[i] = i % 2 == 0
            ? NoticeOfActionPdf.Render(NoticeSamples.Denial())
            : ApprovalLetterPdf.Render(NoticeSamples.Approval()));

        Assert.All(results, r => Assert.Contains(NoticeSamples.SarNumber, PdfReader.Read(r).Text));
    }
}
