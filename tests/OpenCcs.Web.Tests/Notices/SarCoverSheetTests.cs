using OpenCcs.Core.Authorizations;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class SarCoverSheetTests
{
    [Fact]
    public void Cover_sheet_names_the_queue_category_sar_child_provider_and_diagnosis()
    {
        var pdf = PdfReader.Read(SarCoverSheetPdf.Render(NoticeSamples.CoverSheet()));

        Assert.Contains("SAR Cover Sheet", pdf.Text);
        Assert.Contains("Queue: Expedited Review", pdf.Text);
        Assert.Contains("Category: Hospital discharge needs", pdf.Text);
        Assert.Contains($"SAR number {NoticeSamples.SarNumber}", pdf.Text);
        Assert.Contains("Date forwarded March 6, 2026", pdf.Text);
        Assert.Contains("CIN 91234567A", pdf.Text);
        Assert.Contains("NPI 1234567893", pdf.Text);
        Assert.Contains("Child Sofia Lopez Date of birth August 21, 2015 CIN 91234567A", pdf.Text);
        Assert.Contains("Requesting provider Valley Pediatric Specialty Clinic NPI 1234567893", pdf.Text);
        Assert.Contains("Diagnosis (ICD-10) G80.1: Spastic diplegic cerebral palsy", pdf.Text);
        Assert.Contains("99214", pdf.Text);
        Assert.Contains("County contact Ana Torres, RN (559) 555-0142 · atorres@example.org", pdf.Text);
        Assert.Equal("en-US", pdf.Language);
        Assert.Equal("SAR Cover Sheet", pdf.Title);
    }

    [Fact]
    public void Attachments_checklist_says_which_are_enclosed()
    {
        var pdf = PdfReader.Read(SarCoverSheetPdf.Render(NoticeSamples.CoverSheet()));
        var lines = pdf.Lines.SelectMany(p => p).Select(l => l.Text).ToList();

        Assert.Contains("Physician's prescription Included", lines);
        Assert.Contains("Hospital discharge summary Not included", lines);
    }

    [Fact]
    public void A_usual_cover_sheet_fits_on_one_page()
    {
        var pdf = PdfReader.Read(SarCoverSheetPdf.Render(NoticeSamples.CoverSheet()));

        Assert.Single(pdf.Pages);
        Assert.Contains("Page 1 of 1", pdf.Pages[0]);
    }

    [Fact]
    public void A_provider_without_an_npi_is_marked_as_not_given()
    {
        var sheet = NoticeSamples.CoverSheet() with { RequestingProvider = new NoticeProvider("Valley Pediatric Specialty Clinic") };

        var pdf = PdfReader.Read(SarCoverSheetPdf.Render(sheet));

        Assert.Contains("NPI Not given", pdf.Text);
    }

    [Theory]
    [InlineData(IscdQueue.PhysicianReview, "Physician Review")]
    [InlineData(IscdQueue.DirectedReview, "Directed Review")]
    public void Every_queue_has_its_name(IscdQueue queue, string name)
    {
        var pdf = PdfReader.Read(SarCoverSheetPdf.Render(NoticeSamples.CoverSheet() with { Queue = queue }));

        Assert.Contains($"Queue: {name}", pdf.Text);
    }
}
