using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Providers;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>
/// Rule 7, a hospital SAR pays inpatient days only, and rule 11, a NICU SAR covers the NICU's physicians but not
/// a surgeon (DOMAIN.md §5, §9.6; reference/000).
/// </summary>
public class StayRuleTests
{
    private static readonly SarFacts HospitalSar = Sar(50, SarType.HospitalInpatientDays, Hospital,
        Authorized(1, ServiceCodeSystem.InpatientDays, null, 5));

    // As the review makes them: a NICU SAR authorises inpatient days only, and no SCG (ReviewRules).
    private static readonly DateOnly NicuAdmitted = ServiceDay.AddDays(-3);
    private static readonly DateOnly NicuUntil = ServiceDay.AddDays(26);

    private static readonly SarFacts NicuSar = Sar(60, SarType.Nicu, Hospital,
        Authorized(1, ServiceCodeSystem.InpatientDays, null, 30, NicuAdmitted, NicuUntil)) with { AuthorizedNicuLevel = NicuLevel.Regional };

    private static ClaimLineToCheck Days(string revenueCode, decimal days) =>
        new() { LineNumber = 1, From = ServiceDay, To = ServiceDay.AddDays((int)days - 1), RevenueCode = revenueCode, Units = days };

    private static ClaimToCheck Stay(SarFacts sar, ClaimLineToCheck line) => new()
    {
        Form = ClaimForm.Institutional,
        MemberId = CinNow,
        BillingNpi = Hospital,
        PriorAuthorization = sar.Number,
        Lines = [line],
    };

    private static ClaimToCheck PhysicianOn(SarFacts sar, string npi, string code) =>
        OfficeVisit(Line(code)) with { BillingNpi = npi, ReferringNpi = Hospital, PriorAuthorization = sar.Number };

    [Theory]
    [InlineData("0120")]
    [InlineData("120")]
    [InlineData("0174")]
    [InlineData("0219")]
    public void Hospital_sar_pays_inpatient_days_billed_with_an_accommodation_revenue_code(string revenueCode)
    {
        Verdict.Pays(Check(Stay(HospitalSar, Days(revenueCode, 3)), Facts().With(HospitalSar)));
    }

    [Fact]
    public void Hospital_sar_denies_physician_services_during_the_stay()
    {
        var finding = Verdict.Only(Check(PhysicianOn(HospitalSar, Physician, "99223"), Facts().With(HospitalSar)), ClaimRules.HospitalSarDaysOnly);

        Assert.Equal(X12Code.RarcN54, finding.Code);
        Assert.Contains("physician's or Special Care Center's SAR", finding.Message);
        Assert.Contains("field 23", finding.Fix);
    }

    [Theory]
    [InlineData("0250")]
    [InlineData("0220")]
    [InlineData("0099")]
    public void Hospital_sar_denies_other_hospital_services(string revenueCode)
    {
        var finding = Verdict.Only(Check(Stay(HospitalSar, Days(revenueCode, 1)), Facts().With(HospitalSar)), ClaimRules.HospitalSarDaysOnly);

        Assert.Contains("0100–0219", finding.Message);
    }

    [Fact]
    public void Inpatient_days_beyond_the_authorised_are_denied_with_carc_198()
    {
        var finding = Verdict.Only(Check(Stay(HospitalSar, Days("0120", 6)), Facts().With(HospitalSar)), ClaimRules.UnitsExceeded);

        Assert.Contains("authorised 5", finding.Message);
    }

    [Fact]
    public void Sar_without_inpatient_days_does_not_pay_them()
    {
        var finding = Verdict.Only(Check(Stay(PhysicianSar, Days("0120", 2)) with { BillingNpi = Physician }), ClaimRules.ServiceNotAuthorized);

        Assert.Contains("no inpatient days", finding.Message);
    }

    [Fact]
    public void Nicu_sar_pays_the_nicu_stay()
    {
        Verdict.Pays(Check(Stay(NicuSar, Days("0174", 10)), Facts().With(NicuSar)));
    }

    [Theory]
    [InlineData("99468")] // initial neonatal critical care
    [InlineData("99469")] // subsequent neonatal critical care
    [InlineData("99478")] // continuing intensive care, low birth weight
    [InlineData("99231")] // subsequent hospital care
    public void Nicu_sar_pays_the_nicus_physician_services_during_the_stay_though_it_names_no_code(string code)
    {
        Verdict.Pays(Check(PhysicianOn(NicuSar, Physician, code), Facts().With(NicuSar)));
    }

    [Fact]
    public void Nicu_physician_services_after_the_stay_are_outside_the_sars_dates()
    {
        var after = NicuUntil.AddDays(1);
        var claim = PhysicianOn(NicuSar, Physician, "99469") with { Lines = [Line("99469", on: after)] };

        var finding = Verdict.Only(Check(claim, Facts().With(NicuSar)), ClaimRules.OutsideSarDates);

        Assert.Equal(X12Code.Carc197, finding.Code);
        Assert.Contains("the NICU stay", finding.Message);
        Assert.Contains($"{NicuAdmitted:yyyy-MM-dd} to {NicuUntil:yyyy-MM-dd}", finding.Fix);
    }

    [Fact]
    public void Nicu_physician_sharing_the_sar_still_enters_the_nicu_as_referring_provider()
    {
        var claim = PhysicianOn(NicuSar, Physician, "99468") with { ReferringNpi = null };

        Verdict.Only(Check(claim, Facts().With(NicuSar)), ClaimRules.ProviderNotAuthorized);
    }

    [Fact]
    public void Nicu_sar_does_not_pay_hcpcs_supplies_as_physician_services()
    {
        Verdict.Only(Check(PhysicianOn(NicuSar, Physician, "A4253"), Facts().With(NicuSar)), ClaimRules.ServiceNotAuthorized);
    }

    [Fact]
    public void Nicu_sar_does_not_cover_a_surgeon_who_is_told_to_get_a_surgeons_sar()
    {
        var finding = Verdict.Only(Check(PhysicianOn(NicuSar, Surgeon, "43246"), Facts().With(NicuSar)), ClaimRules.NicuSurgeon);

        Assert.Equal(X12Code.RarcN54, finding.Code);
        Assert.Contains("not a surgeon's", finding.Message);
        Assert.Contains("surgeon needs their own SAR for CPT 43246", finding.Fix);
    }

    [Fact]
    public void Surgery_on_a_physician_sar_is_not_a_nicu_finding()
    {
        Verdict.Only(Check(OfficeVisit(Line("43246"))), ClaimRules.ServiceNotAuthorized);
    }
}
