using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Common;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Approving with details, and modifying (DOMAIN.md §5, §8; reference/000, 002, 003).</summary>
public class SarDecisionTests
{
    private static readonly DateTime DecidedAt = Instants.Later(60);
    private static readonly DateOnly From = Instants.Day("2026-03-09");
    private static readonly DateOnly To = Instants.Day("2026-06-30");

    private static void Decide(Sar sar, SarDecision decision) => sar.Approve(SarBuilder.Consultant, decision, ReferenceTables.Rules, DecidedAt);

    private static SarDecision AsRequested(Sar sar, SarType type = SarType.Physician) => SarDecision.AsRequested(sar, type);

    private static SarDecision Only(Sar sar, SarType type, params LineDecision[] lines) => new(type, sar.RequestingProviderId, lines);

    [Fact]
    public void Approval_with_details_records_the_type_the_provider_and_each_lines_units_and_dates()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo(units: 2), SarBuilder.Visits(units: 12));

        Decide(sar, AsRequested(sar));

        Assert.Equal(SarStatus.Approved, sar.Status);
        Assert.Equal(SarType.Physician, sar.Type);
        Assert.Equal(SarBuilder.ProviderId, sar.AuthorizedProviderId);
        Assert.Equal([2, 12], sar.Lines.Select(l => l.AuthorizedUnits ?? 0));
        Assert.All(sar.Lines, l => Assert.Equal(LineDisposition.Authorized, l.Disposition));
        Assert.Equal([From, From], sar.Lines.Select(l => l.AuthorizedFrom ?? default));
        Assert.Null(sar.DecisionReason);
        Assert.Equal(DecidedAt, sar.DecidedAt);
        Assert.Null(sar.History[^1].Reason);
    }

    [Fact]
    public void Approval_without_details_takes_the_type_the_lines_imply()
    {
        var hospital = SarBuilder.InReview(SarBuilder.InpatientDays());
        var products = SarBuilder.InReview(SarBuilder.Line(ServiceCodeSystem.Ndc, "50193-0401-01", "Insulin syringes") with { Product = ProductSpecificItem.InsulinSyringes });

        hospital.Approve(SarBuilder.Consultant, DecidedAt);
        products.Approve(SarBuilder.Consultant, DecidedAt);

        Assert.Equal(SarType.HospitalInpatientDays, hospital.Type);
        Assert.Equal(SarType.ProductSpecific, products.Type);
    }

    [Fact]
    public void Decision_authorising_fewer_units_is_a_modification_and_needs_a_reason()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(units: 12));
        var fewer = Only(sar, SarType.Physician, LineDecision.Authorize(1, 6, From, Instants.Day("2027-03-08")));

        var error = Rules.Refused("sar.modify-reason-required", () => Decide(sar, fewer));

        Assert.Contains("Line 1 (CPT 99214): 6 units authorised of 12 requested", error.Message);
        Assert.Equal(SarStatus.InReview, sar.Status);
        Assert.Null(sar.Lines[0].AuthorizedUnits);
    }

    [Fact]
    public void Modified_approval_keeps_its_reason_in_the_decision_and_the_history()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(units: 12));

        Decide(sar, Only(sar, SarType.Physician, LineDecision.Authorize(1, 6, From, Instants.Day("2027-03-08"))) with { Reason = " Every other month is enough " });

        Assert.Equal(SarStatus.Modified, sar.Status);
        Assert.Equal(6, sar.Lines[0].AuthorizedUnits);
        Assert.Equal("Every other month is enough", sar.DecisionReason);
        Assert.Equal(new SarTransition(SarStatus.InReview, SarStatus.Modified, DecidedAt, SarBuilder.Consultant, "Every other month is enough") { Step = sar.History.Count }, sar.History[^1]);
        Assert.True(sar.IsDecided);
    }

    [Fact]
    public void Decision_with_shorter_dates_is_a_modification()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo());
        var shorter = Only(sar, SarType.Physician, LineDecision.Authorize(1, 1, From, Instants.Day("2026-04-30")));

        var error = Rules.Refused("sar.modify-reason-required", () => Decide(sar, shorter));

        Assert.Contains("authorised 2026-03-09 to 2026-04-30, requested 2026-03-09 to 2026-06-30", error.Message);
    }

    [Fact]
    public void Decision_leaving_a_line_out_is_a_modification_and_that_line_is_not_authorised()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo(), SarBuilder.Visits());

        Decide(sar, SarBuilder.EchoOnly(sar));

        Assert.Equal(SarStatus.Modified, sar.Status);
        Assert.Equal(LineDisposition.NotAuthorized, sar.Lines[1].Disposition);
        Assert.Equal(0, sar.Lines[1].AuthorizedUnits);
        Assert.Null(sar.Lines[1].AuthorizedFrom);
    }

    [Fact]
    public void Decision_authorising_another_provider_is_a_modification()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo());
        var other = AsRequested(sar) with { AuthorizedProviderId = Guid.NewGuid() };

        var error = Rules.Refused("sar.modify-reason-required", () => Decide(sar, other));

        Assert.Contains("a different provider is authorised", error.Message);
    }

    [Fact]
    public void Decision_authorising_nothing_is_refused_deny_instead()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo());

        var error = Rules.Refused("sar.decision-nothing-authorized", () => Decide(sar, Only(sar, SarType.Physician) with { Reason = "No" }));

        Assert.Contains("Deny the SAR instead", error.Message);
    }

    [Fact]
    public void Decision_must_name_lines_the_sar_has_each_once()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo());

        Rules.Refused("sar.decision-unknown-line", () => Decide(sar, Only(sar, SarType.Physician, LineDecision.Authorize(2, 1, From, To))));
        Rules.Refused("sar.decision-line-twice",
            () => Decide(sar, Only(sar, SarType.Physician, LineDecision.Authorize(1, 1, From, To), LineDecision.NotAuthorized(1))));
    }

    [Fact]
    public void Authorised_line_needs_at_least_one_unit_and_dates_in_order()
    {
        var sar = SarBuilder.InReview(SarBuilder.Echo(units: 2));

        Rules.Refused("sar.decision-line-units", () => Decide(sar, Only(sar, SarType.Physician, LineDecision.Authorize(1, 0, From, To)) with { Reason = "r" }));
        Rules.Refused("sar.decision-line-dates", () => Decide(sar, Only(sar, SarType.Physician, LineDecision.Authorize(1, 2, To, From)) with { Reason = "r" }));
    }

    [Fact]
    public void Hospital_sar_covers_inpatient_days_only()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays(), SarBuilder.Line(ServiceCodeSystem.Cpt, "99223", "Initial hospital care"));

        var error = Rules.Refused("sar.hospital-sar-inpatient-days-only", () => Decide(sar, AsRequested(sar, SarType.HospitalInpatientDays)));

        Assert.Contains("Line 2 (CPT 99223)", error.Message);
        Assert.Contains("physician's or Special Care Center's SAR", error.Message);
    }

    [Fact]
    public void Hospital_sar_for_inpatient_days_is_approved()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays());

        Decide(sar, AsRequested(sar, SarType.HospitalInpatientDays));

        Assert.Equal(SarType.HospitalInpatientDays, sar.Type);
    }

    [Theory]
    [InlineData(SarType.Physician)]
    [InlineData(SarType.SpecialCareCenter)]
    public void Inpatient_days_are_authorised_only_on_a_hospital_or_nicu_sar(SarType type)
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays());

        Rules.Refused("sar.inpatient-days-need-hospital-sar", () => Decide(sar, AsRequested(sar, type)));
    }

    [Theory]
    [InlineData(NicuLevel.Intermediate, NicuLevel.Intermediate)]
    [InlineData(NicuLevel.Community, NicuLevel.Regional)]
    public void Nicu_stay_is_authorised_up_to_the_level_the_nicu_is_approved_for(NicuLevel level, NicuLevel approved)
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays());

        Decide(sar, AsRequested(sar, SarType.Nicu) with { Nicu = new(level, approved) });

        Assert.Equal(SarType.Nicu, sar.Type);
        Assert.Equal(level, sar.AuthorizedNicuLevel);
    }

    [Fact]
    public void Nicu_stay_above_the_nicus_approved_level_is_refused_stabilise_and_transfer()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays());

        var error = Rules.Refused("sar.nicu-level-above-approval",
            () => Decide(sar, AsRequested(sar, SarType.Nicu) with { Nicu = new(NicuLevel.Regional, NicuLevel.Intermediate) }));

        Assert.Contains("approved for intermediate care", error.Message);
        Assert.Contains("stabilise the infant and arrange transfer to a NICU approved for regional care", error.Message);
    }

    [Fact]
    public void Nicu_stay_in_a_unit_not_approved_on_every_date_is_refused()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays());

        Rules.Refused("sar.nicu-not-approved", () => Decide(sar, AsRequested(sar, SarType.Nicu) with { Nicu = new(NicuLevel.Community, null) }));
    }

    [Fact]
    public void Nicu_sar_must_say_which_level_is_authorised()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays());

        Rules.Refused("sar.nicu-level-required", () => Decide(sar, AsRequested(sar, SarType.Nicu)));
    }

    [Fact]
    public void Nicu_sar_covers_the_stay_and_its_nicu_physicians_but_not_a_surgeon()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays(), SarBuilder.Line(ServiceCodeSystem.Cpt, "43520", "Pyloromyotomy"));

        var error = Rules.Refused("sar.nicu-sar-covers-the-stay",
            () => Decide(sar, AsRequested(sar, SarType.Nicu) with { Nicu = new(NicuLevel.Regional, NicuLevel.Regional) }));

        Assert.Contains("surgeon", error.Message);
    }

    [Fact]
    public void Facility_nicu_level_for_a_stay_is_the_lowest_it_is_approved_for_on_any_day()
    {
        var hospital = Provider.Enroll(Npi.Parse("1245319599"), "Valley Children's Hospital", ProviderType.Hospital, Guid.NewGuid(), Instants.Monday);
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, Instants.Day("2020-01-01"), Instants.Day("2026-03-10"), Instants.Monday);
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Intermediate, Instants.Day("2026-03-11"), Instants.Day("2026-03-31"), Instants.Monday);

        Assert.Equal(NicuLevel.Regional, NicuAuthorization.ApprovedThroughout(hospital, Instants.Day("2026-03-01"), Instants.Day("2026-03-10")));
        Assert.Equal(NicuLevel.Intermediate, NicuAuthorization.ApprovedThroughout(hospital, Instants.Day("2026-03-09"), Instants.Day("2026-03-13")));
        Assert.Null(NicuAuthorization.ApprovedThroughout(hospital, Instants.Day("2026-03-30"), Instants.Day("2026-04-02")));
    }

    [Fact]
    public void Product_specific_sar_must_carry_the_ndc_or_supply_code()
    {
        var sar = SarBuilder.InReview(SarBuilder.Line(ServiceCodeSystem.Cpt, "99214", "Diabetes visit"));

        var error = Rules.Refused("sar.product-specific-needs-ndc-or-supply-code", () => Decide(sar, AsRequested(sar, SarType.ProductSpecific)));

        Assert.Contains("NDC or supply code", error.Message);
    }

    [Theory]
    [InlineData(ServiceCodeSystem.SupplyCode, "A4253")]
    [InlineData(ServiceCodeSystem.Hcpcs, "A4259")]
    [InlineData(ServiceCodeSystem.Ndc, "65702-0711-10")]
    public void Product_specific_sar_by_ndc_or_supply_code_is_approved(ServiceCodeSystem system, string code)
    {
        var sar = SarBuilder.InReview(SarBuilder.Line(system, code, "Diabetic supplies", units: 4));

        Decide(sar, AsRequested(sar, SarType.ProductSpecific));

        Assert.Equal(SarType.ProductSpecific, sar.Type);
        Assert.Equal(code, sar.Lines[0].Code);
    }

    [Theory]
    [InlineData(ServiceCodeSystem.SupplyCode, "A4206", null)]
    [InlineData(ServiceCodeSystem.Hcpcs, "A4253", null)]
    [InlineData(ServiceCodeSystem.Ndc, "65702-0711-10", ProductSpecificItem.DiabeticTestStrips)]
    public void Insulin_syringes_test_strips_and_lancets_are_authorised_only_on_a_product_specific_sar(
        ServiceCodeSystem system, string code, ProductSpecificItem? declared)
    {
        var sar = SarBuilder.InReview(SarBuilder.Line(system, code, "Diabetic supplies") with { Product = declared });

        var error = Rules.Refused("sar.product-item-needs-product-specific-sar", () => Decide(sar, AsRequested(sar, SarType.Physician)));

        Assert.Contains("only on a product-specific SAR", error.Message);
    }

    [Fact]
    public void Brand_name_drug_needs_the_prescribers_reason_the_generic_will_not_do()
    {
        var sar = SarBuilder.InReview(SarBuilder.Line(ServiceCodeSystem.Hcpcs, "J1300", "Eculizumab (brand)") with { BrandName = true });

        var error = Rules.Refused("sar.brand-name-justification-required", () => Decide(sar, AsRequested(sar)));

        Assert.Contains("Line 1 (HCPCS J1300)", error.Message);
        Assert.Contains("Pend the SAR for that justification", error.Message);
    }

    [Fact]
    public void Brand_name_drug_with_a_justification_is_approved()
    {
        var sar = SarBuilder.InReview(SarBuilder.Line(ServiceCodeSystem.Hcpcs, "J1300", "Eculizumab (brand)")
            with { BrandName = true, BrandNameJustification = "No generic or biosimilar exists" });

        Decide(sar, AsRequested(sar));

        Assert.Equal(SarStatus.Approved, sar.Status);
        Assert.Equal("No generic or biosimilar exists", sar.Lines[0].BrandNameJustification);
    }

    [Fact]
    public void Scg_grant_is_recorded_with_its_code_and_dates()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits());

        Decide(sar, AsRequested(sar) with { Scg = new ScgGrant("01", From, Instants.Day("2027-03-08")) });

        Assert.Equal(new ScgGrant("01", From, Instants.Day("2027-03-08")), sar.GrantedScg());
        Assert.Equal("01", sar.ScgCode);
    }

    [Fact]
    public void Line_the_granted_scg_holds_may_be_left_to_the_scg_and_that_is_no_modification()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(), SarBuilder.Line(ServiceCodeSystem.Cpt, "85025", "Complete blood count"));
        var decision = Only(sar, SarType.Physician, LineDecision.AsRequested(sar.Lines[0]), LineDecision.UnderScg(2)) with
        {
            Scg = new ScgGrant("01", From, To),
        };

        Decide(sar, decision);

        Assert.Equal(SarStatus.Approved, sar.Status);
        Assert.Equal(LineDisposition.CoveredByScg, sar.Lines[1].Disposition);
        Assert.Null(sar.Lines[1].AuthorizedUnits);
    }

    [Fact]
    public void Scg_cannot_cover_surgery_which_must_be_authorised_as_its_own_line()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(), SarBuilder.Line(ServiceCodeSystem.Cpt, "27130", "Total hip arthroplasty"));
        var viaScg = Only(sar, SarType.Physician, LineDecision.AsRequested(sar.Lines[0]), LineDecision.UnderScg(2)) with { Scg = new ScgGrant("01", From, To) };

        var error = Rules.Refused("sar.scg-cannot-cover-excluded-line", () => Decide(sar, viaScg));

        Assert.Contains("Line 2 (CPT 27130) cannot be left to the SCG: CPT 27130 is a surgical procedure.", error.Message);
        Assert.Contains("Authorise it as its own line", error.Message);
    }

    [Fact]
    public void Surgery_authorised_as_its_own_line_beside_an_scg_grant_is_approved()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(), SarBuilder.Line(ServiceCodeSystem.Cpt, "27130", "Total hip arthroplasty"));

        Decide(sar, AsRequested(sar) with { Scg = new ScgGrant("01", From, To) });

        Assert.Equal(LineDisposition.Authorized, sar.Lines[1].Disposition);
    }

    [Theory]
    [InlineData(ServiceCodeSystem.Hcpcs, "J3398", false)]
    [InlineData(ServiceCodeSystem.Ndc, "00002-8215-01", true)]
    public void Scg_cannot_cover_restricted_or_brand_name_drugs(ServiceCodeSystem system, string code, bool brandName)
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(), SarBuilder.Line(system, code, "Drug") with { BrandName = brandName, BrandNameJustification = "Reason" });
        var viaScg = Only(sar, SarType.Physician, LineDecision.AsRequested(sar.Lines[0]), LineDecision.UnderScg(2)) with { Scg = new ScgGrant("01", From, To) };

        Rules.Refused("sar.scg-cannot-cover-excluded-line", () => Decide(sar, viaScg));
    }

    [Fact]
    public void Line_left_to_the_scg_must_be_a_code_the_scg_holds()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(), SarBuilder.Echo());
        var viaScg = Only(sar, SarType.Physician, LineDecision.AsRequested(sar.Lines[0]), LineDecision.UnderScg(2)) with { Scg = new ScgGrant("07", From, To) };

        var error = Rules.Refused("sar.scg-does-not-hold-code", () => Decide(sar, viaScg));

        Assert.Contains("is not in SCG 07 Orthopedic surgeon", error.Message);
    }

    [Fact]
    public void Line_left_to_an_scg_needs_an_scg_grant()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits(), SarBuilder.Echo());

        Rules.Refused("sar.scg-required-for-line", () => Decide(sar, Only(sar, SarType.Physician, LineDecision.AsRequested(sar.Lines[0]), LineDecision.UnderScg(2))));
    }

    [Theory]
    [InlineData(SarType.HospitalInpatientDays)]
    [InlineData(SarType.ProductSpecific)]
    public void Scg_is_granted_only_on_a_physician_or_special_care_center_sar(SarType type)
    {
        var sar = SarBuilder.InReview(type == SarType.ProductSpecific ? SarBuilder.Line(ServiceCodeSystem.SupplyCode, "A4253", "Strips") : SarBuilder.InpatientDays());

        Rules.Refused("sar.scg-needs-physician-or-scc-sar", () => Decide(sar, AsRequested(sar, type) with { Scg = new ScgGrant("01", From, To) }));
    }

    [Fact]
    public void Scg_must_be_in_the_table_for_all_the_granted_dates()
    {
        var sar = SarBuilder.InReview(SarBuilder.Visits());

        Rules.Refused("sar.scg-unknown", () => Decide(sar, AsRequested(sar) with { Scg = new ScgGrant("10", From, Instants.Day("2026-12-31")) }));
        Rules.Refused("sar.scg-unknown", () => Decide(sar, AsRequested(sar) with { Scg = new ScgGrant("13", From, To) }));
        Rules.Refused("sar.scg-dates", () => Decide(sar, AsRequested(sar) with { Scg = new ScgGrant("01", To, From) }));
    }

    [Fact]
    public void Refused_decision_changes_nothing()
    {
        var sar = SarBuilder.InReview(SarBuilder.InpatientDays(), SarBuilder.Echo());
        var historyBefore = sar.History.Count;
        var updatedBefore = sar.UpdatedAt;

        Assert.Throws<DomainRuleException>(() => Decide(sar, AsRequested(sar, SarType.HospitalInpatientDays)));

        Assert.Equal(SarStatus.InReview, sar.Status);
        Assert.Equal(historyBefore, sar.History.Count);
        Assert.Equal(updatedBefore, sar.UpdatedAt);
        Assert.Null(sar.Type);
        Assert.All(sar.Lines, l => Assert.Null(l.Disposition));
    }

    [Fact]
    public void Iscd_may_approve_a_sar_forwarded_to_it()
    {
        var sar = SarBuilder.In(SarStatus.ForwardedToIscd);

        sar.Approve(SarBuilder.IscdReviewer, AsRequested(sar), ReferenceTables.Rules, DecidedAt);

        Assert.Equal(SarStatus.Approved, sar.Status);
    }
}
