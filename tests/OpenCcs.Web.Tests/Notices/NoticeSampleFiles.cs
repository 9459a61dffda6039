using OpenCcs.Core.Common;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

/// <summary>
/// Writes one of each notice to the folder named by OPENCCS_NOTICE_SAMPLES, for looking at them
/// (e.g. with pdftoppm). Does nothing when the variable is not set.
/// </summary>
public sealed class NoticeSampleFiles
{
    [Fact]
    public void Write_samples_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("OPENCCS_NOTICE_SAMPLES");
        if (string.IsNullOrWhiteSpace(folder))
            return;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "approval-en.pdf"), ApprovalLetterPdf.Render(NoticeSamples.Approval()));
        File.WriteAllBytes(Path.Combine(folder, "approval-es.pdf"), ApprovalLetterPdf.Render(NoticeSamples.Approval(Language.Spanish)));
        File.WriteAllBytes(Path.Combine(folder, "noa-denied-en.pdf"), NoticeOfActionPdf.Render(NoticeSamples.Denial()));
        File.WriteAllBytes(Path.Combine(folder, "noa-modified-es.pdf"), NoticeOfActionPdf.Render(NoticeSamples.Modification(Language.Spanish)));
        File.WriteAllBytes(Path.Combine(folder, "noa-plan-en.pdf"), NoticeOfActionPdf.Render(NoticeSamples.PlanDenial()));
        File.WriteAllBytes(Path.Combine(folder, "cover-sheet.pdf"), SarCoverSheetPdf.Render(NoticeSamples.CoverSheet()));
        File.WriteAllBytes(Path.Combine(folder, "approval-long.pdf"),
            ApprovalLetterPdf.Render(NoticeSamples.Approval() with { Services = NoticeSamples.ManyLines(40) }));
    }
}
