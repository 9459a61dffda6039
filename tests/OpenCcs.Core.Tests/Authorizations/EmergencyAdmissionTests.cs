using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Emergency admissions at non-CCS hospitals: referred the next business day with documents, tracked until transfer (reference/002).</summary>
public class EmergencyAdmissionTests
{
    private static readonly BusinessCalendar Calendar = ReferenceTables.Calendar;
    private static readonly CountyCode Kern = CountyCode.From(15);

    private static DateTime PacificTime(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", null), BusinessCalendar.Pacific);

    private static DateTime EndOfPacificDay(string date) =>
        TimeZoneInfo.ConvertTimeToUtc(Instants.Day(date).ToDateTime(TimeOnly.MaxValue), BusinessCalendar.Pacific);

    private static EmergencyAdmission Admitted(string admittedPacific, string? reportedPacific = null, bool documents = true) =>
        EmergencyAdmission.Report(Guid.NewGuid(), Kern, " Mercy Southwest Hospital ", PacificTime(admittedPacific),
            PacificTime(reportedPacific ?? admittedPacific), documents);

    private static Provider CcsHospital()
    {
        var hospital = Provider.Enroll(Npi.Parse("1245319599"), "Valley Children's Hospital", ProviderType.Hospital, Guid.NewGuid(), Instants.Monday);
        hospital.Approve(FacilityApprovalKind.Hospital, null, Instants.Day("2020-01-01"), null, Instants.Monday);
        return hospital;
    }

    [Fact]
    public void Emergency_admission_is_due_at_the_end_of_the_next_business_day()
    {
        Assert.Equal(EndOfPacificDay("2026-03-03"), Admitted("2026-03-02 22:00").DueAt(Calendar));
    }

    [Fact]
    public void Emergency_admission_on_a_friday_night_is_due_on_monday()
    {
        Assert.Equal(EndOfPacificDay("2026-04-13"), Admitted("2026-04-10 23:30").DueAt(Calendar));
    }

    [Fact]
    public void Emergency_admission_on_a_saturday_is_due_on_the_first_business_day_after_it()
    {
        Assert.Equal(EndOfPacificDay("2026-04-13"), Admitted("2026-04-11 03:00").DueAt(Calendar));
    }

    [Fact]
    public void Emergency_admission_before_thanksgiving_is_due_the_monday_after()
    {
        Assert.Equal(EndOfPacificDay("2026-11-30"), Admitted("2026-11-25 20:00").DueAt(Calendar));
    }

    [Fact]
    public void Report_keeps_the_hospital_and_times_and_awaits_the_transfer()
    {
        var admission = Admitted("2026-03-02 22:00", "2026-03-03 08:00");

        Assert.Equal("Mercy Southwest Hospital", admission.HospitalName);
        Assert.Equal(PacificTime("2026-03-03 08:00"), admission.ReportedAt);
        Assert.True(admission.DocumentationReceived);
        Assert.True(admission.AwaitingTransfer);
        Assert.False(admission.ReferredLate(Calendar));
    }

    [Fact]
    public void Missing_documentation_is_overdue_only_after_the_next_business_day_ends()
    {
        var admission = Admitted("2026-03-02 22:00", documents: false);

        Assert.False(admission.IsOverdue(PacificTime("2026-03-03 23:00"), Calendar));
        Assert.True(admission.IsOverdue(PacificTime("2026-03-04 00:01"), Calendar));
    }

    [Fact]
    public void Documentation_received_ends_the_overdue_state()
    {
        var admission = Admitted("2026-03-02 22:00", documents: false);

        admission.ReceiveDocumentation(PacificTime("2026-03-05 09:00"));

        Assert.False(admission.IsOverdue(PacificTime("2026-03-06 09:00"), Calendar));
        Assert.Equal(PacificTime("2026-03-05 09:00"), admission.DocumentationReceivedAt);
    }

    [Fact]
    public void Referral_reported_after_the_next_business_day_is_late()
    {
        Assert.True(Admitted("2026-03-02 22:00", "2026-03-04 08:00").ReferredLate(Calendar));
    }

    [Fact]
    public void Transfer_to_a_ccs_approved_hospital_is_recorded()
    {
        var admission = Admitted("2026-03-02 22:00");
        var hospital = CcsHospital();

        admission.RecordTransfer(hospital, PacificTime("2026-03-05 11:00"));

        Assert.False(admission.AwaitingTransfer);
        Assert.Equal(hospital.Id, admission.TransferredToHospitalId);
        Assert.Equal(PacificTime("2026-03-05 11:00"), admission.TransferredAt);
    }

    [Fact]
    public void Transfer_must_be_to_a_ccs_approved_hospital()
    {
        var admission = Admitted("2026-03-02 22:00");
        var unapproved = Provider.Enroll(Npi.Parse("1245319599"), "Desert Community Hospital", ProviderType.Hospital, Guid.NewGuid(), Instants.Monday);

        var error = Rules.Refused("emergency.transfer-needs-ccs-approved-hospital", () => admission.RecordTransfer(unapproved, PacificTime("2026-03-05 11:00")));

        Assert.StartsWith("Desert Community Hospital is not a CCS-approved hospital on 2026-03-05.", error.Message);
        Assert.True(admission.AwaitingTransfer);
    }

    [Fact]
    public void Transfer_is_recorded_once_and_not_before_the_admission()
    {
        var admission = Admitted("2026-03-02 22:00");

        Rules.Refused("emergency.transfer-before-admission", () => admission.RecordTransfer(CcsHospital(), PacificTime("2026-03-02 21:00")));
        admission.RecordTransfer(CcsHospital(), PacificTime("2026-03-05 11:00"));
        Rules.Refused("emergency.already-transferred", () => admission.RecordTransfer(CcsHospital(), PacificTime("2026-03-06 11:00")));
    }

    [Fact]
    public void Report_needs_a_county_a_hospital_and_an_admission_before_it()
    {
        Rules.Refused("emergency.county-required",
            () => EmergencyAdmission.Report(Guid.NewGuid(), default, "Mercy", Instants.Monday, Instants.Monday, true));
        Rules.Refused("emergency.hospital-required",
            () => EmergencyAdmission.Report(Guid.NewGuid(), Kern, " ", Instants.Monday, Instants.Monday, true));
        Rules.Refused("emergency.reported-before-admission",
            () => EmergencyAdmission.Report(Guid.NewGuid(), Kern, "Mercy", Instants.Later(10), Instants.Monday, true));
    }

    [Fact]
    public void Documentation_is_received_once()
    {
        var admission = Admitted("2026-03-02 22:00");

        Rules.Refused("emergency.documentation-already-received", () => admission.ReceiveDocumentation(PacificTime("2026-03-03 09:00")));
    }
}
