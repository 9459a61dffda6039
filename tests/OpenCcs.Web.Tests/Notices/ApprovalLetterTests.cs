using OpenCcs.Core.Common;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class ApprovalLetterTests
{
    [Fact]
    public void Approval_letter_names_the_sar_the_child_every_approved_code_and_the_scg()
    {
        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(NoticeSamples.Approval()));

        Assert.Contains(NoticeSamples.SarNumber, pdf.Text);
        Assert.Contains("CCS approved care for Sofia Lopez", pdf.Text);
        Assert.Contains("August 21, 2015", pdf.Text);
        Assert.Contains("Valley Pediatric Specialty Clinic", pdf.Text);
        foreach (var line in NoticeSamples.ApprovedLines)
            Assert.Contains(line.Code, pdf.Text);
        Assert.Contains("Service Code Grouping 01: Physician services", pdf.Text);
    }

    [Fact]
    public void Approval_letter_has_the_letterhead_the_address_block_and_the_contact()
    {
        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(NoticeSamples.Approval()));
        var first = pdf.Pages[0];

        Assert.StartsWith("Fresno County California Children's Services", first);
        Assert.Contains("March 5, 2026", first);
        Assert.Contains("Maria Lopez 2450 East Olive Avenue Apt 12 Fresno, CA 93701", first);
        Assert.Contains("Call Fresno County California Children's Services at (559) 555-0142. Ask for Ana Torres, RN.", pdf.Text);
        Assert.Contains("Mar 10, 2026", pdf.Text);
        Assert.Contains("Sep 9, 2026", pdf.Text);
    }

    [Fact]
    public void Spanish_approval_letter_is_in_spanish_with_the_translated_scg_name()
    {
        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(NoticeSamples.Approval(Language.Spanish)));

        Assert.Contains("CCS aprobó atención médica para Sofia Lopez", pdf.Text);
        Assert.Contains("Grupo de Códigos de Servicio 01: Servicios de médicos", pdf.Text);
        Assert.Contains("5 de marzo de 2026", pdf.Text);
        Assert.DoesNotContain("What we approved", pdf.Text);
        Assert.Equal("es-US", pdf.Language);
        Assert.Equal("Carta de aprobación de CCS", pdf.Title);
    }

    [Fact]
    public void An_scg_without_a_translated_name_prints_the_name_given()
    {
        var letter = NoticeSamples.Approval() with { ServiceCodeGrouping = new ServiceCodeGroupingGrant("99", "Pilot grouping") };

        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(letter));

        Assert.Contains("Service Code Grouping 99: Pilot grouping", pdf.Text);
    }

    [Fact]
    public void Letter_without_an_scg_says_nothing_about_one()
    {
        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(NoticeSamples.Approval() with { ServiceCodeGrouping = null }));

        Assert.DoesNotContain("Service Code Grouping", pdf.Text);
    }

    [Fact]
    public void English_letter_has_english_document_information()
    {
        var pdf = PdfReader.Read(ApprovalLetterPdf.Render(NoticeSamples.Approval()));

        Assert.Equal("en-US", pdf.Language);
        Assert.Equal("CCS approval letter", pdf.Title);
        Assert.Equal($"Approval of SAR {NoticeSamples.SarNumber}", pdf.Subject);
    }

    [Fact]
    public void A_letter_needs_a_sar_number()
    {
        Assert.Throws<ArgumentException>(() => ApprovalLetterPdf.Render(NoticeSamples.Approval() with { SarNumber = " " }));
    }
}
