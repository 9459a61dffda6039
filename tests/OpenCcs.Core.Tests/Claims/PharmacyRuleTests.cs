using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Rule 9: pharmacy claims go to BIN 610442; brand-name drugs need their own SAR line (DOMAIN.md §5, §9.8; reference/000).</summary>
public class PharmacyRuleTests
{
    private const string Generic = "00093-7180-56";

    private static SarFacts DrugSar(bool brandName) => Sar(30, SarType.Physician, Pharmacy,
        new SarLineFacts(1, ServiceCodeSystem.Ndc, Generic, LineDisposition.Authorized, 90, SarFrom, SarTo, brandName, null));

    private static ClaimToCheck Prescription(bool brandName = false, string? bin = "610442") => new()
    {
        Form = ClaimForm.Pharmacy,
        MemberId = CinNow,
        BillingNpi = Pharmacy,
        PriorAuthorization = SarNumberFor(30),
        Bin = bin,
        Lines = [new ClaimLineToCheck { LineNumber = 1, From = ServiceDay, Ndc = Generic, Units = 30, BrandName = brandName }],
    };

    [Fact]
    public void Pharmacy_claim_to_bin_610442_pays()
    {
        Verdict.Pays(Check(Prescription(), Facts().With(DrugSar(brandName: false))));
    }

    [Theory]
    [InlineData("004336")]
    [InlineData("")]
    [InlineData(null)]
    public void Pharmacy_claim_to_another_bin_is_denied_with_carc_109(string? bin)
    {
        var finding = Verdict.Only(Check(Prescription(bin: bin), Facts().With(DrugSar(brandName: false))), ClaimRules.BinWrong);

        Assert.Equal(X12Code.Carc109, finding.Code);
        Assert.Contains("610442", finding.Message);
        Assert.Contains("BIN 610442", finding.Fix);
    }

    [Fact]
    public void Bin_is_only_asked_of_pharmacy_claims()
    {
        Verdict.Pays(Check(OfficeVisit() with { Bin = "004336" }));
    }

    [Fact]
    public void Brand_name_drug_needs_a_brand_name_line_on_the_sar()
    {
        var finding = Verdict.Only(Check(Prescription(brandName: true), Facts().With(DrugSar(brandName: false))), ClaimRules.BrandNameNotAuthorized);

        Assert.Equal(X12Code.RarcN54, finding.Code);
        Assert.Contains("reason the generic will not do", finding.Message);
        Verdict.Pays(Check(Prescription(brandName: true), Facts().With(DrugSar(brandName: true))));
    }

    [Fact]
    public void Brand_name_drug_is_not_covered_by_an_scg_that_holds_the_generic()
    {
        var generic = new ClaimLineToCheck { LineNumber = 1, From = ServiceDay, Ndc = "00781-1506-10", Units = 30 };

        Verdict.Pays(Check(OfficeVisit(generic)));
        Verdict.Only(Check(OfficeVisit(generic with { BrandName = true })), ClaimRules.BrandNameNotAuthorized);
    }
}
