using OpenCcs.Core.Authorizations;
using OpenCcs.Data.Reference;

namespace OpenCcs.Data.Tests.Reference;

public class IscdRoutingTableLoaderTests
{
    private static readonly IscdRoutingTable Table = IscdRoutingTableLoader.Load();

    public static TheoryData<string> CategoryIds => new(Table.Categories.Select(c => c.Id));

    [Theory]
    [InlineData("cochlear-implant-surgery", IscdQueue.PhysicianReview)]
    [InlineData("out-of-state", IscdQueue.PhysicianReview)]
    [InlineData("transplant", IscdQueue.PhysicianReview)]
    [InlineData("bleeding-disorders", IscdQueue.ExpeditedReview)]
    [InlineData("cystic-fibrosis", IscdQueue.ExpeditedReview)]
    [InlineData("duchenne-muscular-dystrophy", IscdQueue.ExpeditedReview)]
    [InlineData("growth-disorders", IscdQueue.ExpeditedReview)]
    [InlineData("high-risk-infants", IscdQueue.ExpeditedReview)]
    [InlineData("hospital-discharge-needs", IscdQueue.ExpeditedReview)]
    [InlineData("metabolic-diseases-medical-foods", IscdQueue.ExpeditedReview)]
    [InlineData("retinal-disease-luxturna", IscdQueue.ExpeditedReview)]
    [InlineData("seizure-management", IscdQueue.ExpeditedReview)]
    [InlineData("spasticity-management", IscdQueue.ExpeditedReview)]
    [InlineData("spinal-muscular-atrophy", IscdQueue.ExpeditedReview)]
    [InlineData("upcoming-surgery", IscdQueue.ExpeditedReview)]
    [InlineData("annual-medical-review", IscdQueue.DirectedReview)]
    [InlineData("diabetic-supplies", IscdQueue.DirectedReview)]
    [InlineData("durable-medical-equipment", IscdQueue.DirectedReview)]
    [InlineData("genetic-testing", IscdQueue.DirectedReview)]
    [InlineData("inter-county-transfer", IscdQueue.DirectedReview)]
    [InlineData("medical-eligibility-determination", IscdQueue.DirectedReview)]
    [InlineData("nicu", IscdQueue.DirectedReview)]
    [InlineData("off-label-or-investigational", IscdQueue.DirectedReview)]
    [InlineData("previous-decision-reconsideration", IscdQueue.DirectedReview)]
    [InlineData("second-opinion", IscdQueue.DirectedReview)]
    public void Every_category_reference_004_lists_is_routed_to_its_queue(string id, IscdQueue queue)
    {
        var category = Table.Category(id);

        Assert.NotNull(category);
        Assert.Equal(queue, category.Queue);
        Assert.Contains("reference/004", category.Source);
    }

    [Fact]
    public void Routing_data_holds_the_25_categories_of_reference_004()
    {
        Assert.Equal(25, Table.Categories.Count);
    }

    [Theory]
    [MemberData(nameof(CategoryIds))]
    public void Each_category_is_proposed_from_its_own_hints(string id)
    {
        var category = Table.Category(id)!;

        var proposal = Table.ProposeQueue(FactsFromFirstHintOf(category));

        Assert.Equal(id, proposal?.Category?.Id);
        Assert.Equal(category.Queue, proposal?.Queue);
    }

    [Theory]
    [InlineData(ServiceCodeSystem.Cpt, "69930", "cochlear-implant-surgery")]
    [InlineData(ServiceCodeSystem.Hcpcs, "Q2041", "transplant")]
    [InlineData(ServiceCodeSystem.Hcpcs, "Q2042", "transplant")]
    [InlineData(ServiceCodeSystem.Cpt, "47135", "transplant")]
    [InlineData(ServiceCodeSystem.Hcpcs, "J7192", "bleeding-disorders")]
    [InlineData(ServiceCodeSystem.Hcpcs, "J2941", "growth-disorders")]
    [InlineData(ServiceCodeSystem.Hcpcs, "S9435", "metabolic-diseases-medical-foods")]
    [InlineData(ServiceCodeSystem.Hcpcs, "J3398", "retinal-disease-luxturna")]
    [InlineData(ServiceCodeSystem.Hcpcs, "J0585", "spasticity-management")]
    [InlineData(ServiceCodeSystem.Hcpcs, "J3399", "spinal-muscular-atrophy")]
    [InlineData(ServiceCodeSystem.Cpt, "63190", "upcoming-surgery")]
    [InlineData(ServiceCodeSystem.SupplyCode, "A4253", "diabetic-supplies")]
    [InlineData(ServiceCodeSystem.Hcpcs, "E0784", "diabetic-supplies")]
    [InlineData(ServiceCodeSystem.Hcpcs, "K0553", "diabetic-supplies")]
    [InlineData(ServiceCodeSystem.Hcpcs, "E1399", "durable-medical-equipment")]
    [InlineData(ServiceCodeSystem.Hcpcs, "K0001", "durable-medical-equipment")]
    [InlineData(ServiceCodeSystem.Cpt, "81479", "genetic-testing")]
    public void Requested_codes_propose_the_category_reference_004_puts_them_in(ServiceCodeSystem system, string code, string id)
    {
        var proposal = Table.ProposeQueue(new IscdRoutingFacts([new ServiceCode(system, code)], "Z00.00", "", SarRequestFlags.None, SarFormType.EstablishedClient));

        Assert.Equal(id, proposal?.Category?.Id);
    }

    [Fact]
    public void Sars_pending_more_than_45_days_are_escalated_to_directed_review()
    {
        Assert.Equal(45, Table.EscalateAfterDays);
        Assert.Contains("reference/004", Table.EscalationSource);
    }

    private static IscdRoutingFacts FactsFromFirstHintOf(IscdCategory category)
    {
        var hints = category.Hints;
        var none = new IscdRoutingFacts([], "Z00.00", "", SarRequestFlags.None, SarFormType.EstablishedClient);
        if (hints.Codes.Count > 0) return none with { Codes = [new ServiceCode(hints.Codes[0].System, hints.Codes[0].From)] };
        if (hints.DiagnosisPrefixes.Count > 0) return none with { DiagnosisCode = hints.DiagnosisPrefixes[0] };
        if (hints.Flags != SarRequestFlags.None) return none with { Flags = hints.Flags };
        if (hints.FormTypes.Count > 0) return none with { FormType = hints.FormTypes[0] };
        return none with { Text = $"Request: {hints.Keywords[0]}." };
    }
}
