using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

public class SarSubmissionTests
{
    private static Sar Submit(
        IEnumerable<SarLineRequest>? lines = null, string diagnosis = "Q21.0", bool expedited = false, string? expeditedReason = null,
        DateTime? receivedAt = null) =>
        Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.NewReferral, diagnosis,
            expedited, expeditedReason, lines ?? [SarBuilder.Echo()], SarBuilder.Provider, receivedAt ?? Instants.Monday);

    [Fact]
    public void Submitted_sar_keeps_the_request_and_takes_its_county_from_its_number()
    {
        var facilityId = Guid.NewGuid();

        var sar = Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, facilityId, SarFormType.DischargePlanning,
            " q21.0 ", false, "ignored when not expedited", [SarBuilder.Echo()], SarBuilder.Provider, Instants.Monday);

        Assert.Equal(SarBuilder.Number, sar.Number);
        Assert.Equal(CountyCode.From(19), sar.County);
        Assert.Equal(SarBuilder.ChildId, sar.ChildId);
        Assert.Equal(SarBuilder.ProviderId, sar.RequestingProviderId);
        Assert.Equal(facilityId, sar.FacilityId);
        Assert.Equal(SarFormType.DischargePlanning, sar.FormType);
        Assert.Equal("Q21.0", sar.DiagnosisCode);
        Assert.False(sar.Expedited);
        Assert.Null(sar.ExpeditedReason);
        Assert.Equal(Instants.Monday, sar.ReceivedAt);
        Assert.Equal(Instants.Monday, sar.CreatedAt);
    }

    [Fact]
    public void Submitted_sar_keeps_its_request_flags_and_each_lines_drug_details()
    {
        var brand = new SarLineRequest(ServiceCodeSystem.Ndc, "00069-0105-30", "Brand-name anticonvulsant", Instants.Day("2026-03-09"), Instants.Day("2026-06-30"), 30,
            BrandName: true, BrandNameJustification: "  Rash on the generic  ");
        var strips = new SarLineRequest(ServiceCodeSystem.Ndc, "65702-0711-10", "Test strips", Instants.Day("2026-03-09"), Instants.Day("2026-06-30"), 4,
            Product: ProductSpecificItem.DiabeticTestStrips);

        var sar = Sar.Submit(SarBuilder.Number, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.EstablishedClient, "E10.9", false, null,
            [brand, strips], SarBuilder.Provider, Instants.Monday, SarRequestFlags.OutOfState | SarRequestFlags.SecondOpinion);

        Assert.Equal(SarRequestFlags.OutOfState | SarRequestFlags.SecondOpinion, sar.Flags);
        Assert.True(sar.Lines[0].BrandName);
        Assert.Equal("Rash on the generic", sar.Lines[0].BrandNameJustification);
        Assert.Equal(ProductSpecificItem.DiabeticTestStrips, sar.Lines[1].Product);
        Assert.All(sar.Lines, line => Assert.Null(line.Disposition));
        Assert.False(sar.AwaitingEligibility);
    }

    [Fact]
    public void Submitted_sar_starts_submitted_with_one_history_entry_from_draft()
    {
        var sar = SarBuilder.Submit();

        Assert.Equal(SarStatus.Submitted, sar.Status);
        var entry = Assert.Single(sar.History);
        Assert.Equal(new SarTransition(SarStatus.Draft, SarStatus.Submitted, Instants.Monday, SarBuilder.Provider, null) { Step = 1 }, entry);
        Assert.False(sar.IsDecided);
        Assert.Null(sar.DecidedAt);
        Assert.Null(sar.DecisionReason);
    }

    [Fact]
    public void Lines_are_numbered_in_the_order_requested_and_nothing_is_authorized_yet()
    {
        var sar = SarBuilder.Submit(SarBuilder.Echo(), SarBuilder.Visits(units: 12));

        Assert.Equal([1, 2], sar.Lines.Select(l => l.LineNumber));
        var visits = sar.Lines[1];
        Assert.Equal(ServiceCodeSystem.Cpt, visits.CodeSystem);
        Assert.Equal("99214", visits.Code);
        Assert.Equal("Cardiology follow-up visit", visits.Description);
        Assert.Equal(Instants.Day("2026-03-09"), visits.From);
        Assert.Equal(Instants.Day("2027-03-08"), visits.To);
        Assert.Equal(12, visits.RequestedUnits);
        Assert.Equal("monthly", visits.Frequency);
        Assert.All(sar.Lines, line => Assert.Null(line.AuthorizedUnits));
    }

    [Fact]
    public void Line_code_and_description_are_tidied()
    {
        var sar = Submit([new SarLineRequest(ServiceCodeSystem.Hcpcs, " e0431 ", " Portable oxygen ", Instants.Day("2026-03-09"), Instants.Day("2026-03-09"), 1)]);

        Assert.Equal("E0431", sar.Lines[0].Code);
        Assert.Equal("Portable oxygen", sar.Lines[0].Description);
    }

    [Fact]
    public void Expedited_sar_keeps_the_reason_it_is_urgent()
    {
        var sar = Submit(expedited: true, expeditedReason: " Surgery scheduled this week ");

        Assert.True(sar.Expedited);
        Assert.Equal("Surgery scheduled this week", sar.ExpeditedReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Expedited_sar_must_say_why(string? reason)
    {
        var error = Rules.Refused("sar.expedited-reason-required", () => Submit(expedited: true, expeditedReason: reason));

        Assert.Contains("expedited review", error.Message);
    }

    [Fact]
    public void Sar_must_request_at_least_one_service()
    {
        var error = Rules.Refused("sar.lines-required", () => Submit(lines: []));

        Assert.Contains("at least one service", error.Message);
    }

    [Fact]
    public void Sar_must_name_the_ccs_diagnosis()
    {
        var error = Rules.Refused("sar.diagnosis-required", () => Submit(diagnosis: " "));

        Assert.Contains("diagnosis (ICD-10)", error.Message);
    }

    [Fact]
    public void Sar_must_have_a_number()
    {
        var error = Rules.Refused("sar.number-required",
            () => Sar.Submit(default, SarBuilder.ChildId, SarBuilder.ProviderId, null, SarFormType.NewReferral, "Q21.0", false, null,
                [SarBuilder.Echo()], SarBuilder.Provider, Instants.Monday));

        Assert.Contains("number", error.Message);
    }

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void Sar_receipt_time_must_be_utc(DateTimeKind kind)
    {
        var error = Assert.Throws<ArgumentException>(() => Submit(receivedAt: DateTime.SpecifyKind(Instants.Monday, kind)));

        Assert.Contains("UTC", error.Message);
    }

    [Fact]
    public void Line_ending_before_it_starts_is_refused_naming_the_line()
    {
        var backwards = SarBuilder.Echo() with { From = Instants.Day("2026-06-30"), To = Instants.Day("2026-03-09") };

        var error = Rules.Refused("sar.line-dates", () => Submit(lines: [SarBuilder.Visits(), backwards]));

        Assert.StartsWith("Line 2:", error.Message);
        Assert.Contains("end date 2026-03-09 is before the start date 2026-06-30", error.Message);
    }

    [Fact]
    public void Line_for_a_single_day_is_accepted()
    {
        var oneDay = SarBuilder.Echo() with { From = Instants.Day("2026-03-09"), To = Instants.Day("2026-03-09") };

        Assert.Single(Submit(lines: [oneDay]).Lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Line_requesting_no_units_is_refused_naming_the_line(int units)
    {
        var error = Rules.Refused("sar.line-units", () => Submit(lines: [SarBuilder.Visits(), SarBuilder.Echo(units)]));

        Assert.StartsWith("Line 2:", error.Message);
        Assert.Contains("at least one unit", error.Message);
    }

    [Theory]
    [InlineData(ServiceCodeSystem.Cpt, null)]
    [InlineData(ServiceCodeSystem.Hcpcs, "")]
    [InlineData(ServiceCodeSystem.Ndc, " ")]
    [InlineData(ServiceCodeSystem.SupplyCode, null)]
    public void Line_without_a_code_is_refused_naming_the_line(ServiceCodeSystem system, string? code)
    {
        var noCode = SarBuilder.Echo() with { CodeSystem = system, Code = code };

        var error = Rules.Refused("sar.line-code", () => Submit(lines: [SarBuilder.Visits(), noCode]));

        Assert.StartsWith("Line 2:", error.Message);
        Assert.Contains("CPT, HCPCS, NDC or supply code", error.Message);
    }

    [Fact]
    public void Inpatient_days_need_no_procedure_code()
    {
        var stay = new SarLineRequest(ServiceCodeSystem.InpatientDays, null, "NICU stay", Instants.Day("2026-03-02"), Instants.Day("2026-03-15"), 14);

        var sar = Submit(lines: [stay]);

        Assert.Null(sar.Lines[0].Code);
        Assert.Equal(14, sar.Lines[0].RequestedUnits);
    }

    [Fact]
    public void Line_without_a_description_is_refused_naming_the_line()
    {
        var undescribed = SarBuilder.Echo() with { Description = " " };

        var error = Rules.Refused("sar.line-description", () => Submit(lines: [SarBuilder.Visits(), SarBuilder.Echo(), undescribed]));

        Assert.StartsWith("Line 3:", error.Message);
        Assert.Contains("describe the service", error.Message);
    }
}
