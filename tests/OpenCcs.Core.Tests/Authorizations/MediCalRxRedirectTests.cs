using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Outpatient pharmacy requests go to Medi-Cal Rx; product-specific diabetic supplies stay with CCS (reference/000, 003, 004).</summary>
public class MediCalRxRedirectTests
{
    private static readonly MediCalRxRedirect Rx = ReferenceTables.Rx;

    private static SarLineRequest Drug(string ndc = "00093-7180-56") => SarBuilder.Line(ServiceCodeSystem.Ndc, ndc, "Levetiracetam 500 mg tablets", units: 60);

    private static Sar Received(DateTime at, params SarLineRequest[] lines) =>
        Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.EstablishedClient, "G40.909", false, null,
            lines, SarBuilder.Provider, at);

    private static bool Applies(params SarLineRequest[] lines) => Rx.Applies(Received(Instants.Monday, lines), ReferenceTables.Scg);

    [Fact]
    public void Outpatient_pharmacy_request_payable_by_ndc_goes_to_medi_cal_rx()
    {
        Assert.True(Applies(Drug(), Drug("00378-6150-01")));
    }

    [Theory]
    [InlineData(ServiceCodeSystem.Ndc, "65702-0711-10", ProductSpecificItem.DiabeticTestStrips)]
    [InlineData(ServiceCodeSystem.SupplyCode, "A4253", null)]
    [InlineData(ServiceCodeSystem.SupplyCode, "A4206", null)]
    [InlineData(ServiceCodeSystem.Hcpcs, "A4259", null)]
    public void Insulin_syringes_test_strips_and_lancets_stay_with_ccs_as_product_specific_sars(ServiceCodeSystem system, string code, ProductSpecificItem? item)
    {
        Assert.False(Applies(SarBuilder.Line(system, code, "Diabetic supplies") with { Product = item }));
    }

    [Fact]
    public void Requests_by_procedure_or_hcpcs_code_stay_with_ccs()
    {
        Assert.False(Applies(SarBuilder.Echo(), SarBuilder.Line(ServiceCodeSystem.Hcpcs, "E0784", "Insulin pump")));
    }

    [Fact]
    public void Request_mixing_pharmacy_and_ccs_lines_is_refused_naming_the_pharmacy_lines()
    {
        var error = Rules.Refused("sar.pharmacy-lines-go-to-medi-cal-rx", () => Applies(SarBuilder.Echo(), Drug()));

        Assert.StartsWith("Line 2 (NDC 00093-7180-56) is an outpatient pharmacy item payable by NDC", error.Message);
        Assert.Contains("submit them to Medi-Cal Rx", error.Message);
    }

    [Fact]
    public void Pharmacy_requests_received_before_medi_cal_rx_began_stay_with_ccs()
    {
        var before = Received(new DateTime(2021, 12, 31, 18, 0, 0, DateTimeKind.Utc), Drug());

        Assert.False(Rx.Applies(before, ReferenceTables.Scg));
    }

    [Fact]
    public void Redirected_sar_records_where_to_send_the_request()
    {
        var sar = Received(Instants.Monday, Drug());

        sar.Redirect(SarBuilder.Nurse, Rx.ExplanationFor(CareModel.Classic), Instants.Later(1));

        Assert.Equal(SarStatus.Redirected, sar.Status);
        Assert.Equal(Rx.Explanation, sar.StatusReason);
        Assert.False(sar.IsDecided);
        Assert.False(sar.IsPending);
    }

    [Fact]
    public void Whole_child_model_explanation_adds_the_plan_pharmacy_carve_outs()
    {
        Assert.Equal($"{Rx.Explanation} {Rx.WholeChildModelNote}", Rx.ExplanationFor(CareModel.WholeChildModel));
        Assert.Equal(Rx.Explanation, Rx.ExplanationFor(CareModel.Classic));
    }

    [Fact]
    public void Redirect_must_explain_where_to_send_the_request()
    {
        var sar = Received(Instants.Monday, Drug());

        Rules.Refused("sar.redirect-explanation-required", () => sar.Redirect(SarBuilder.Nurse, " ", Instants.Later(1)));

        Assert.Equal(SarStatus.Submitted, sar.Status);
    }
}
