using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Forwarding SARs to ISCD's three queues (DOMAIN.md §7, reference/004).</summary>
public class IscdRoutingTests
{
    private static CodeRange Code(ServiceCodeSystem system, string from, string? to = null) => new(system, from, to ?? from);

    private static IscdCategory Category(
        string id, IscdQueue queue, CodeRange[]? codes = null, string[]? diagnoses = null, string[]? keywords = null,
        SarRequestFlags flags = SarRequestFlags.None, SarFormType[]? forms = null) =>
        new(id, id, queue, new IscdHints(codes ?? [], diagnoses ?? [], keywords ?? [], flags, forms ?? []), "reference/004");

    // Listed out of queue order on purpose: proposals still try Physician Review first.
    private static readonly IscdRoutingTable Table = new(
    [
        Category("nicu", IscdQueue.DirectedReview, flags: SarRequestFlags.Nicu, keywords: ["NICU"]),
        Category("durable-medical-equipment", IscdQueue.DirectedReview, codes: [Code(ServiceCodeSystem.Hcpcs, "E0100", "E8002")], keywords: ["DME"]),
        Category("bleeding-disorders", IscdQueue.ExpeditedReview, codes: [Code(ServiceCodeSystem.Hcpcs, "J7170", "J7212")], diagnoses: ["D66", "D68.0"]),
        Category("hospital-discharge-needs", IscdQueue.ExpeditedReview, forms: [SarFormType.DischargePlanning]),
        Category("cochlear-implant-surgery", IscdQueue.PhysicianReview, codes: [Code(ServiceCodeSystem.Cpt, "69930")], keywords: ["cochlear implant"]),
        Category("out-of-state", IscdQueue.PhysicianReview, flags: SarRequestFlags.OutOfState),
    ], 45, "reference/004", "test");

    private static IscdRoutingFacts Facts(
        ServiceCode[]? codes = null, string diagnosis = "Q21.0", string text = "", SarRequestFlags flags = SarRequestFlags.None,
        SarFormType form = SarFormType.EstablishedClient) => new(codes ?? [], diagnosis, text, flags, form);

    [Fact]
    public void Procedure_code_proposes_its_categorys_queue()
    {
        var proposal = Table.ProposeQueue(Facts([new(ServiceCodeSystem.Cpt, "69930")]));

        Assert.NotNull(proposal);
        Assert.Equal(IscdQueue.PhysicianReview, proposal.Queue);
        Assert.Equal("cochlear-implant-surgery", proposal.Category?.Id);
        Assert.Equal("code CPT 69930", proposal.MatchedOn);
    }

    [Fact]
    public void Drug_code_proposes_its_categorys_queue()
    {
        var proposal = Table.ProposeQueue(Facts([new(ServiceCodeSystem.Hcpcs, "J7192")]));

        Assert.Equal(("bleeding-disorders", IscdQueue.ExpeditedReview), (proposal?.Category?.Id, proposal?.Queue));
    }

    [Theory]
    [InlineData("D66")]
    [InlineData("D68.0")]
    [InlineData("d680")]
    public void Diagnosis_prefix_proposes_its_categorys_queue_whether_or_not_the_code_has_its_dot(string diagnosis)
    {
        var proposal = Table.ProposeQueue(Facts(diagnosis: diagnosis));

        Assert.Equal("bleeding-disorders", proposal?.Category?.Id);
    }

    [Fact]
    public void Keyword_in_the_request_proposes_its_categorys_queue_as_a_whole_word_in_any_case()
    {
        Assert.Equal("cochlear-implant-surgery", Table.ProposeQueue(Facts(text: "Right COCHLEAR IMPLANT, activation to follow"))?.Category?.Id);
        Assert.Equal("durable-medical-equipment", Table.ProposeQueue(Facts(text: "Stander (DME)"))?.Category?.Id);
        Assert.Null(Table.ProposeQueue(Facts(text: "DMEPOS supplier")));
    }

    [Fact]
    public void Request_flag_such_as_out_of_state_proposes_its_categorys_queue()
    {
        var proposal = Table.ProposeQueue(Facts(flags: SarRequestFlags.OutOfState));

        Assert.Equal(("out-of-state", IscdQueue.PhysicianReview), (proposal?.Category?.Id, proposal?.Queue));
    }

    [Fact]
    public void Discharge_planning_form_proposes_expedited_review_for_hospital_discharge_needs()
    {
        Assert.Equal("hospital-discharge-needs", Table.ProposeQueue(Facts(form: SarFormType.DischargePlanning))?.Category?.Id);
    }

    [Fact]
    public void Physician_review_categories_win_over_expedited_and_directed_ones()
    {
        var proposal = Table.ProposeQueue(Facts([new(ServiceCodeSystem.Hcpcs, "J7192")], flags: SarRequestFlags.OutOfState | SarRequestFlags.Nicu));

        Assert.Equal(IscdQueue.PhysicianReview, proposal?.Queue);
        Assert.Equal(["cochlear-implant-surgery", "out-of-state", "bleeding-disorders", "hospital-discharge-needs", "nicu", "durable-medical-equipment"],
            Table.Categories.Select(c => c.Id));
    }

    [Fact]
    public void Request_matching_no_category_gets_no_proposal()
    {
        Assert.Null(Table.ProposeQueue(Facts([new(ServiceCodeSystem.Cpt, "93306")], text: "Echocardiogram")));
    }

    [Fact]
    public void Sar_facts_for_routing_are_its_codes_diagnosis_flags_form_and_words()
    {
        var sar = Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.DischargePlanning, "D66", true, "Going home Friday",
            [SarBuilder.InpatientDays(), SarBuilder.Echo()], SarBuilder.Provider, Instants.Monday, SarRequestFlags.OutOfState);

        var facts = IscdRoutingFacts.From(sar, "County note: factor VIII");

        Assert.Equal([new ServiceCode(ServiceCodeSystem.Cpt, "93306")], facts.Codes);
        Assert.Equal("D66", facts.DiagnosisCode);
        Assert.Equal(SarRequestFlags.OutOfState, facts.Flags);
        Assert.Equal(SarFormType.DischargePlanning, facts.FormType);
        Assert.Contains("Echocardiogram, complete", facts.Text);
        Assert.Contains("Going home Friday", facts.Text);
        Assert.Contains("factor VIII", facts.Text);
    }

    [Fact]
    public void Sar_pending_more_than_45_days_since_receipt_is_escalated_to_directed_review()
    {
        var sar = SarBuilder.In(SarStatus.ForwardedToIscd); // received Monday 2026-03-02
        var day46 = new DateTime(2026, 4, 17, 16, 0, 0, DateTimeKind.Utc);

        Assert.True(Table.IsEscalated(sar, day46));
        var proposal = Table.ProposeQueue(sar, day46);
        Assert.Equal(new IscdProposal(IscdQueue.DirectedReview, null, "pending more than 45 days since receipt"), proposal);
    }

    [Fact]
    public void Sar_pending_45_days_or_less_is_not_escalated()
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        Assert.False(Table.IsEscalated(sar, new DateTime(2026, 4, 17, 6, 59, 0, DateTimeKind.Utc))); // 23:59 on 2026-04-16 in California, day 45
    }

    [Theory]
    [InlineData(SarStatus.Approved)]
    [InlineData(SarStatus.Denied)]
    [InlineData(SarStatus.Cancelled)]
    [InlineData(SarStatus.Redirected)]
    public void Settled_sar_is_never_escalated(SarStatus status)
    {
        Assert.False(Table.IsEscalated(SarBuilder.In(status), Instants.Later(60 * 24 * 400)));
    }

    [Fact]
    public void Forwarding_to_iscd_records_the_queue_cover_sheet_and_category()
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        sar.ForwardToIscd(IscdQueue.ExpeditedReview, " CS-77 ", SarBuilder.Nurse, Instants.Later(10), "bleeding-disorders");

        Assert.Equal(SarStatus.ForwardedToIscd, sar.Status);
        Assert.Equal(IscdQueue.ExpeditedReview, sar.IscdQueue);
        Assert.Equal("CS-77", sar.IscdCoverSheetId);
        Assert.Equal("bleeding-disorders", sar.IscdCategoryId);
        Assert.Equal("ISCD Expedited Review, cover sheet CS-77", sar.StatusReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Forwarding_to_iscd_without_the_sar_cover_sheet_is_refused(string coverSheet)
    {
        var sar = SarBuilder.In(SarStatus.InReview);

        var error = Rules.Refused("sar.iscd-cover-sheet-required", () => sar.ForwardToIscd(IscdQueue.DirectedReview, coverSheet, SarBuilder.Nurse, Instants.Later(10)));

        Assert.Contains("SAR cover sheet", error.Message);
        Assert.Equal(SarStatus.InReview, sar.Status);
        Assert.Null(sar.IscdQueue);
    }

    [Fact]
    public void Iscd_returns_a_wrongly_routed_sar_to_the_county_with_a_reason_the_county_sees()
    {
        var sar = SarBuilder.In(SarStatus.ForwardedToIscd);

        sar.ReturnToCounty(SarBuilder.IscdReviewer, " Transplant requests go to Physician Review, not Directed Review ", Instants.Later(10));

        Assert.Equal(SarStatus.Returned, sar.Status);
        Assert.Equal("Transplant requests go to Physician Review, not Directed Review", sar.StatusReason);
        Assert.Equal(IscdQueue.PhysicianReview, sar.IscdQueue);
    }

    [Fact]
    public void Returning_to_the_county_must_say_why()
    {
        var sar = SarBuilder.In(SarStatus.ForwardedToIscd);

        Rules.Refused("sar.iscd-return-reason-required", () => sar.ReturnToCounty(SarBuilder.IscdReviewer, " ", Instants.Later(10)));

        Assert.Equal(SarStatus.ForwardedToIscd, sar.Status);
    }

    [Fact]
    public void County_corrects_a_returned_sar_and_forwards_it_again()
    {
        var sar = SarBuilder.In(SarStatus.Returned);

        sar.ForwardToIscd(IscdQueue.DirectedReview, "CS-78", SarBuilder.Nurse, Instants.Later(10));

        Assert.Equal(SarStatus.ForwardedToIscd, sar.Status);
        Assert.Equal((IscdQueue.DirectedReview, "CS-78"), (sar.IscdQueue!.Value, sar.IscdCoverSheetId));
    }

    [Fact]
    public void Routing_categories_must_have_distinct_ids()
    {
        Assert.Throws<ArgumentException>(() => new IscdRoutingTable(
            [Category("nicu", IscdQueue.DirectedReview, flags: SarRequestFlags.Nicu), Category("nicu", IscdQueue.DirectedReview, keywords: ["NICU"])],
            45, "reference/004", "test"));
    }
}
