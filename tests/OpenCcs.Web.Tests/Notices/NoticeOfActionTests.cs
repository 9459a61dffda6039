using OpenCcs.Core.Common;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class NoticeOfActionTests
{
    [Fact]
    public void English_denial_states_the_action_date_reason_rule_and_appeal_deadline()
    {
        var pdf = PdfReader.Read(NoticeOfActionPdf.Render(NoticeSamples.Denial()));

        Assert.Contains("Notice of Action", pdf.Text);
        Assert.Contains("We denied a request for services for Sofia Lopez.", pdf.Text);
        Assert.Contains("Decision Denied Effective date March 15, 2026 Last day to appeal April 4, 2026", pdf.Pages[0]);
        Assert.Contains("This decision takes effect on March 15, 2026.", pdf.Text);
        Assert.Contains(PdfReader.Normalize(NoticeSamples.Reason), pdf.Text);
        Assert.Contains($"The rule we used: {NoticeSamples.Citation}", pdf.Text);
        Assert.Contains("Deadline to appeal: April 4, 2026", pdf.Text);
        Assert.Contains("Mail it by April 4, 2026.", pdf.Text);
        Assert.Contains("K0861", pdf.Text);
    }

    [Fact]
    public void County_appeal_says_where_to_write_how_long_the_decision_takes_and_about_the_fair_hearing()
    {
        var pdf = PdfReader.Read(NoticeOfActionPdf.Render(NoticeSamples.Denial()));

        Assert.Contains("Mail your letter to: Director, Fresno County California Children's Services 1221 Fulton Street", pdf.Text);
        Assert.Contains("within 21 days after your appeal arrives", pdf.Text);
        Assert.Contains("fair hearing. You must ask within 14 days", pdf.Text);
        Assert.Contains("you appeal by April 4, 2026, the services will continue", pdf.Text);
        Assert.Contains("call 711", pdf.Text);
        Assert.DoesNotContain("State Hearing", pdf.Text);
    }

    [Fact]
    public void Spanish_notice_has_the_spanish_heading_and_deadline_and_not_the_english_heading()
    {
        var notice = NoticeSamples.Denial(Language.Spanish, "Los registros muestran que Sofía puede usar bien una silla de ruedas manual.");

        var pdf = PdfReader.Read(NoticeOfActionPdf.Render(notice));

        Assert.Contains("Aviso de Acción", pdf.Text);
        Assert.Contains("Fecha límite para apelar: 4 de abril de 2026", pdf.Text);
        Assert.Contains("Esta decisión se aplica a partir del 15 de marzo de 2026.", pdf.Text);
        Assert.Contains("Los registros muestran que Sofía", pdf.Text);
        Assert.DoesNotContain("Notice of Action", pdf.Text);
        Assert.DoesNotContain("Deadline to appeal", pdf.Text);
        Assert.Equal("es-US", pdf.Language);
    }

    [Fact]
    public void Modified_notice_shows_what_was_asked_for_and_what_was_approved()
    {
        var pdf = PdfReader.Read(NoticeOfActionPdf.Render(NoticeSamples.Modification()));

        Assert.Contains("Approved with changes (modified)", pdf.Text);
        var asked = pdf.Text.IndexOf("What was asked for", StringComparison.Ordinal);
        var approved = pdf.Text.IndexOf("What we approved", StringComparison.Ordinal);
        Assert.True(asked >= 0 && approved > asked, "the request comes first, then what was approved");
        Assert.Contains("Sep 9, 2026 24", pdf.Text);
        Assert.Contains("Jun 9, 2026 12", pdf.Text);
    }

    [Fact]
    public void Plan_member_appeals_to_the_plan_then_a_state_hearing()
    {
        var pdf = PdfReader.Read(NoticeOfActionPdf.Render(NoticeSamples.PlanDenial()));

        Assert.Contains("through the health plan Central Valley Health Plan", pdf.Text);
        Assert.Contains("Deadline to appeal: May 4, 2026", pdf.Text);
        Assert.Contains("Call or write to the plan by May 4, 2026.", pdf.Text);
        Assert.Contains("The plan will decide within 30 days", pdf.Text);
        Assert.Contains("within 72 hours", pdf.Text);
        Assert.Contains("State Hearing. You must ask within 120 days", pdf.Text);
        Assert.Contains("you appeal by March 15, 2026, the services will continue", pdf.Text);
        Assert.DoesNotContain("postmark", pdf.Text);
    }

    [Fact]
    public void A_long_reason_wraps_onto_several_lines_inside_the_margins()
    {
        var reason = string.Join(" ", Enumerable.Repeat("The records we got do not show that this equipment is needed for the CCS condition.", 6));

        var bytes = NoticeOfActionPdf.Render(NoticeSamples.Denial(reason: reason));
        var pdf = PdfReader.Read(bytes);

        Assert.Contains(reason, pdf.Body);
        var reasonLines = pdf.Lines.SelectMany(p => p).Where(l => l.Text.Contains("equipment is needed", StringComparison.Ordinal)).ToList();
        Assert.True(reasonLines.Count > 1, $"the reason should wrap, found {reasonLines.Count} line(s)");
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        foreach (var page in document.GetPages())
            foreach (var word in page.GetWords())
            {
                Assert.InRange(word.BoundingBox.Left, 71.5, 612 - 71.5);
                Assert.InRange(word.BoundingBox.Right, 71.5, 612 - 71.5);
            }
    }

    [Fact]
    public void A_denial_cannot_list_approved_services()
    {
        var notice = NoticeSamples.Denial() with { Approved = NoticeSamples.ApprovedLines };

        Assert.Throws<ArgumentException>(() => NoticeOfActionPdf.Render(notice));
    }

    [Theory]
    [InlineData("", NoticeSamples.Citation)]
    [InlineData(NoticeSamples.Reason, " ")]
    public void A_notice_needs_a_reason_and_a_rule(string reason, string citation)
    {
        var notice = NoticeSamples.Denial() with { Reason = reason, RuleCitation = citation };

        Assert.Throws<ArgumentException>(() => NoticeOfActionPdf.Render(notice));
    }
}
