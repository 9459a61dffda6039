using OpenCcs.Core.Authorizations;
using OpenCcs.Data.Reference;

namespace OpenCcs.Data.Tests.Reference;

public class ServiceCodeGroupTableLoaderTests
{
    private static readonly ServiceCodeGroupTable Table = ServiceCodeGroupTableLoader.Load();
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ServiceCode Cpt(string code) => new(ServiceCodeSystem.Cpt, code);

    private static ServiceCode Hcpcs(string code) => new(ServiceCodeSystem.Hcpcs, code);

    [Theory]
    [InlineData("01", "Physician services")]
    [InlineData("02", "Special Care Centers")]
    [InlineData("03", "Transplant centers")]
    [InlineData("04", "Communication disorder centers")]
    [InlineData("05", "Cochlear implant centers")]
    [InlineData("06", "High-risk infant follow-up")]
    [InlineData("07", "Orthopedic surgeon")]
    [InlineData("08", "Rural health clinics and federally qualified health centers")]
    [InlineData("09", "Chronic dialysis")]
    [InlineData("10", "Ophthalmology")]
    [InlineData("11", "Medical therapy")]
    [InlineData("12", "Podiatry")]
    public void Scg_data_holds_the_twelve_service_code_groupings(string code, string name)
    {
        var group = Table.Find(code, Today);

        Assert.NotNull(group);
        Assert.Equal(name, group.Name);
    }

    [Fact]
    public void Scg_data_holds_twelve_groupings_each_with_its_source()
    {
        Assert.Equal(12, Table.Groups.Count);
        Assert.All(Table.Groups, g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));
        Assert.All(Table.Exclusions.ProductSpecific, p => Assert.Contains("tuva hcpcs_level_2", p.Source));
        Assert.Contains("reference/000", Table.Exclusions.RestrictedDrugsSource);
        Assert.Contains("reference/000", Table.Exclusions.SurgerySource);
        Assert.Contains("reference/000", Table.Exclusions.BrandNameSource);
    }

    [Theory]
    [InlineData("01", "99214")]
    [InlineData("04", "92507")]
    [InlineData("05", "92601")]
    [InlineData("06", "96110")]
    [InlineData("07", "29075")]
    [InlineData("10", "92004")]
    [InlineData("11", "97110")]
    [InlineData("12", "11720")]
    public void Scgs_cover_the_services_of_their_kind(string scg, string cpt)
    {
        Assert.True(Table.Covers(scg, Cpt(cpt), Today));
    }

    [Theory]
    [InlineData("A4206", ProductSpecificItem.InsulinSyringes)]
    [InlineData("A4207", ProductSpecificItem.InsulinSyringes)]
    [InlineData("A4208", ProductSpecificItem.InsulinSyringes)]
    [InlineData("A4209", ProductSpecificItem.InsulinSyringes)]
    [InlineData("A4253", ProductSpecificItem.DiabeticTestStrips)]
    [InlineData("A4259", ProductSpecificItem.Lancets)]
    public void Product_specific_supply_codes_are_the_hcpcs_codes_for_insulin_syringes_test_strips_and_lancets(string code, ProductSpecificItem item)
    {
        Assert.Equal(item, Table.ProductItemFor(Hcpcs(code)));
    }

    [Theory]
    [InlineData("A4210")]
    [InlineData("A4213")]
    [InlineData("A4258")]
    [InlineData("A4772")]
    public void Other_syringe_strip_and_lancet_codes_are_not_product_specific(string code)
    {
        Assert.Null(Table.ProductItemFor(Hcpcs(code)));
    }

    [Theory]
    [InlineData("10004")]
    [InlineData("27130")]
    [InlineData("69990")]
    public void Cpt_surgery_section_is_outside_every_scg(string code)
    {
        Assert.Equal(ScgExclusionKind.SurgicalProcedure, Table.ExclusionFor(Cpt(code))?.Kind);
    }

    [Theory]
    [InlineData("11056")]
    [InlineData("29075")]
    [InlineData("36415")]
    [InlineData("51702")]
    [InlineData("69210")]
    public void Listed_office_procedures_in_the_surgery_section_are_not_excluded(string code)
    {
        Assert.Null(Table.ExclusionFor(Cpt(code)));
    }

    [Theory]
    [InlineData("J3398")]
    [InlineData("J3399")]
    [InlineData("Q2041")]
    [InlineData("Q2042")]
    [InlineData("J7190")]
    public void Drugs_reference_004_names_for_iscd_review_need_specific_authorization(string code)
    {
        Assert.Equal(ScgExclusionKind.RestrictedDrug, Table.ExclusionFor(Hcpcs(code))?.Kind);
    }
}
