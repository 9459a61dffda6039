using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Service Code Groupings and their exclusions (DOMAIN.md §5, reference/000).</summary>
public class ServiceCodeGroupTableTests
{
    private static readonly ServiceCodeGroupTable Table = ReferenceTables.Scg;
    private static readonly DateOnly OnDate = Instants.Day("2026-03-09");

    private static ServiceCode Cpt(string code) => new(ServiceCodeSystem.Cpt, code);

    private static ServiceCode Hcpcs(string code) => new(ServiceCodeSystem.Hcpcs, code);

    private static readonly ServiceCode Ndc = new(ServiceCodeSystem.Ndc, "00002-8215-01");

    [Fact]
    public void Scg_covers_a_code_it_holds_while_in_force()
    {
        Assert.True(Table.Covers("01", Cpt("99214"), OnDate));
        Assert.True(Table.Covers("01", Hcpcs("J1300"), OnDate));
    }

    [Fact]
    public void Scg_does_not_cover_a_code_outside_its_ranges()
    {
        Assert.False(Table.Covers("07", Cpt("93306"), OnDate));
    }

    [Fact]
    public void Scg_covers_nothing_outside_its_effective_dates()
    {
        Assert.True(Table.Covers("10", Cpt("92004"), Instants.Day("2026-06-30")));
        Assert.False(Table.Covers("10", Cpt("92004"), Instants.Day("2026-07-01")));
    }

    [Fact]
    public void Unknown_scg_covers_nothing()
    {
        Assert.False(Table.Covers("99", Cpt("99214"), OnDate));
        Assert.Null(Table.Find("99", OnDate));
    }

    [Fact]
    public void Drugs_by_ndc_are_inside_the_scgs_that_hold_drugs_only()
    {
        Assert.True(Table.Covers("01", Ndc, OnDate));
        Assert.False(Table.Covers("07", Ndc, OnDate));
    }

    [Theory]
    [InlineData("J3398", "Luxturna")]
    [InlineData("J7170", "clotting factors")]
    [InlineData("J7190", "clotting factors")]
    [InlineData("J7212", "clotting factors")]
    public void Drug_that_needs_specific_authorization_is_outside_every_scg(string code, string name)
    {
        var exclusion = Table.ExclusionFor(Hcpcs(code));

        Assert.NotNull(exclusion);
        Assert.Equal(ScgExclusionKind.RestrictedDrug, exclusion.Kind);
        Assert.Contains(name, exclusion.Reason);
        Assert.Contains("own SAR line", exclusion.Reason);
        Assert.False(Table.Covers("01", Hcpcs(code), OnDate));
    }

    [Fact]
    public void Brand_name_drug_is_outside_every_scg_and_needs_its_own_sar_with_a_justification()
    {
        var exclusion = Table.ExclusionFor(Ndc, brandName: true);

        Assert.NotNull(exclusion);
        Assert.Equal(ScgExclusionKind.BrandNameDrug, exclusion.Kind);
        Assert.Contains("reason the generic will not do", exclusion.Reason);
        Assert.False(Table.Covers("01", Ndc, OnDate, brandName: true));
        Assert.Null(Table.ExclusionFor(Ndc));
    }

    [Theory]
    [InlineData("10004")]
    [InlineData("27130")]
    [InlineData("69930")]
    [InlineData("69990")]
    public void Most_surgical_procedures_are_outside_every_scg(string code)
    {
        var exclusion = Table.ExclusionFor(Cpt(code));

        Assert.NotNull(exclusion);
        Assert.Equal(ScgExclusionKind.SurgicalProcedure, exclusion.Kind);
        Assert.Equal($"CPT {code} is a surgical procedure. Most surgery is outside every SCG and needs its own SAR line.", exclusion.Reason);
        Assert.Equal("reference/000; convention", exclusion.Source);
    }

    [Theory]
    [InlineData("99214")]
    [InlineData("70010")]
    [InlineData("93306")]
    [InlineData("0042T")]
    public void Codes_outside_the_surgery_range_are_not_excluded_as_surgery(string code)
    {
        Assert.Null(Table.ExclusionFor(Cpt(code)));
    }

    [Theory]
    [InlineData("29075", "07")]
    [InlineData("29799", "07")]
    public void Listed_surgical_exceptions_stay_inside_the_scgs_that_hold_them(string code, string scg)
    {
        Assert.Null(Table.ExclusionFor(Cpt(code)));
        Assert.True(Table.Covers(scg, Cpt(code), OnDate));
    }

    [Theory]
    [InlineData("A4206", ProductSpecificItem.InsulinSyringes)]
    [InlineData("A4209", ProductSpecificItem.InsulinSyringes)]
    [InlineData("A4253", ProductSpecificItem.DiabeticTestStrips)]
    [InlineData("A4259", ProductSpecificItem.Lancets)]
    public void Insulin_syringes_test_strips_and_lancets_need_a_product_specific_sar_not_an_scg(string code, ProductSpecificItem item)
    {
        var exclusion = Table.ExclusionFor(Hcpcs(code));

        Assert.NotNull(exclusion);
        Assert.Equal(ScgExclusionKind.ProductSpecificItem, exclusion.Kind);
        Assert.Contains("product-specific SAR", exclusion.Reason);
        Assert.Equal(item, Table.ProductItemFor(new ServiceCode(ServiceCodeSystem.SupplyCode, code)));
    }

    [Theory]
    [InlineData("A4210")] // needle-free injection device
    [InlineData("A4213")] // syringe, 20 cc or greater
    [InlineData("A4258")] // lancet device
    public void Neighbouring_supply_codes_that_are_not_those_products_are_not_product_specific(string code)
    {
        Assert.Null(Table.ProductItemFor(Hcpcs(code)));
    }

    [Fact]
    public void Same_scg_may_not_have_overlapping_periods()
    {
        var first = new ServiceCodeGroup("01", "Physician services", new DateOnly(2000, 1, 1), null, [], true, "test");
        var second = new ServiceCodeGroup("01", "Physician services", new DateOnly(2020, 1, 1), null, [], true, "test");

        Assert.Throws<ArgumentException>(() => new ServiceCodeGroupTable([first, second], ReferenceTables.Scg.Exclusions, "test"));
    }

    [Theory]
    [InlineData("1000", "69990")]
    [InlineData("69990", "10004")]
    public void Code_range_needs_ends_of_the_same_length_in_order(string from, string to)
    {
        Assert.Throws<ArgumentException>(() => new CodeRange(ServiceCodeSystem.Cpt, from, to));
    }

    [Fact]
    public void Code_of_another_length_or_system_is_outside_a_range()
    {
        var surgery = new CodeRange(ServiceCodeSystem.Cpt, "10004", "69990");

        Assert.False(surgery.Contains(Cpt("2713")));
        Assert.False(surgery.Contains(Hcpcs("27130")));
        Assert.True(surgery.Contains(Cpt(" 27130 ")));
    }
}
