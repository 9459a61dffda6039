using System.Text;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Data.Reference;

namespace OpenCcs.Data.Tests.Reference;

public class SarRuleDataLoaderTests
{
    [Fact]
    public void Medi_cal_rx_redirect_applies_from_2022_01_01_and_says_where_to_send_the_request()
    {
        var rx = MediCalRxRedirectLoader.Load();

        Assert.Equal(new DateOnly(2022, 1, 1), rx.EffectiveFrom);
        Assert.Contains("Submit it to Medi-Cal Rx", rx.Explanation);
        Assert.Contains("stay with CCS as product-specific SARs", rx.Explanation);
        Assert.Contains("reference/004", rx.Source);
    }

    [Fact]
    public void Whole_child_model_explanation_names_the_fee_for_service_carve_outs()
    {
        var explanation = MediCalRxRedirectLoader.Load().ExplanationFor(CareModel.WholeChildModel);

        Assert.Contains("HIV/AIDS and Hepatitis B", explanation);
        Assert.Contains("clotting factor disorders", explanation);
        Assert.Contains("antipsychotic drugs", explanation);
    }

    [Fact]
    public void Attachments_may_be_pdf_jpeg_or_tiff_15_mb_each_and_150_mb_in_all()
    {
        var rules = AttachmentRulesLoader.Load();

        Assert.Equal(["application/pdf", "image/jpeg", "image/tiff"], rules.Types.Select(t => t.ContentType));
        Assert.Equal(15L * 1024 * 1024, rules.MaxFileBytes);
        Assert.Equal(150L * 1024 * 1024, rules.MaxTotalBytes);
        Assert.Contains("issue 3", rules.Source);
    }

    [Fact]
    public void Malformed_sar_rule_files_are_refused_when_loaded()
    {
        static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.Throws<InvalidDataException>(() => MediCalRxRedirectLoader.Load(Json("""{ "version": "x", "from": "2022-01-01" }""")));
        Assert.Throws<InvalidDataException>(() => AttachmentRulesLoader.Load(Json("""{ "version": "x", "source": "s", "types": [], "maxFileBytes": 1, "maxTotalBytes": 1 }""")));
        Assert.Throws<InvalidDataException>(() => ServiceCodeGroupTableLoader.Load(Json("""{ "version": "x", "groups": [] }""")));
        Assert.Throws<InvalidDataException>(() => IscdRoutingTableLoader.Load(Json("""{ "version": "", "escalation": { "afterDays": 45, "source": "s" }, "categories": [] }""")));
    }
}
