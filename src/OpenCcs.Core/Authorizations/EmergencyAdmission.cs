using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Providers;

namespace OpenCcs.Core.Authorizations;

/// <summary>
/// An emergency inpatient admission at a hospital that is not CCS-approved (reference/002, DOMAIN.md §5):
/// it needs no prior authorisation, but must be referred to the county CCS program on the next business
/// day with documents proving the emergency, and the child moved to a CCS-approved hospital once stable.
/// Tracked from the report until the transfer; lateness is derived when read.
/// </summary>
public sealed class EmergencyAdmission : AggregateRoot
{
    private EmergencyAdmission() { }

    public Guid ChildId { get; private set; }

    public CountyCode County { get; private set; }

    /// <summary>The admitting hospital as reported; it need not be a provider CCS knows.</summary>
    public string HospitalName { get; private set; } = "";

    public DateTime AdmittedAt { get; private set; }

    /// <summary>When the referral reached the county.</summary>
    public DateTime ReportedAt { get; private set; }

    /// <summary>When the documents proving the emergency arrived; null while missing.</summary>
    public DateTime? DocumentationReceivedAt { get; private set; }

    public Guid? TransferredToHospitalId { get; private set; }

    public DateTime? TransferredAt { get; private set; }

    public bool DocumentationReceived => DocumentationReceivedAt is not null;

    public bool AwaitingTransfer => TransferredAt is null;

    public static EmergencyAdmission Report(
        Guid childId, CountyCode county, string hospitalName, DateTime admittedAtUtc, DateTime reportedAtUtc, bool documentationReceived)
    {
        Utc.Require(admittedAtUtc);
        Utc.Require(reportedAtUtc);
        if (county.IsEmpty) throw new DomainRuleException("emergency.county-required", "An emergency admission is referred to a county CCS office; choose the county.");
        if (string.IsNullOrWhiteSpace(hospitalName)) throw new DomainRuleException("emergency.hospital-required", "Name the hospital the child was admitted to.");
        if (reportedAtUtc < admittedAtUtc)
            throw new DomainRuleException("emergency.reported-before-admission", "The admission cannot be reported before it happened; check the admission time.");
        var admission = new EmergencyAdmission
        {
            ChildId = childId,
            County = county,
            HospitalName = hospitalName.Trim(),
            AdmittedAt = admittedAtUtc,
            ReportedAt = reportedAtUtc,
            DocumentationReceivedAt = documentationReceived ? reportedAtUtc : null,
        };
        admission.Created(reportedAtUtc);
        return admission;
    }

    public void ReceiveDocumentation(DateTime receivedAtUtc)
    {
        Utc.Require(receivedAtUtc);
        if (DocumentationReceivedAt is not null) throw new DomainRuleException("emergency.documentation-already-received", "The emergency documentation was already received.");
        if (receivedAtUtc < ReportedAt) throw new DomainRuleException("emergency.documentation-before-report", "The documentation cannot arrive before the admission was reported.");
        DocumentationReceivedAt = receivedAtUtc;
        Touch(receivedAtUtc);
    }

    /// <summary>The child moved to <paramref name="toHospital"/>, which must be a CCS-approved hospital on the day of transfer.</summary>
    public void RecordTransfer(Provider toHospital, DateTime transferredAtUtc)
    {
        ArgumentNullException.ThrowIfNull(toHospital);
        Utc.Require(transferredAtUtc);
        if (TransferredAt is not null) throw new DomainRuleException("emergency.already-transferred", "The transfer is already recorded.");
        if (transferredAtUtc < AdmittedAt) throw new DomainRuleException("emergency.transfer-before-admission", "The transfer cannot come before the admission.");
        var on = PacificDate(transferredAtUtc);
        if (toHospital.Type != ProviderType.Hospital
            || !toHospital.Approvals.Any(a => a.Kind is FacilityApprovalKind.Hospital or FacilityApprovalKind.Nicu && a.Period.Contains(on)))
            throw new DomainRuleException("emergency.transfer-needs-ccs-approved-hospital",
                $"{toHospital.Name} is not a CCS-approved hospital on {on:yyyy-MM-dd}. Once stable, the child must move to a CCS-approved hospital.");
        TransferredToHospitalId = toHospital.Id;
        TransferredAt = transferredAtUtc;
        Touch(transferredAtUtc);
    }

    /// <summary>The end of the first business day after the day of admission, in California (reference/002: "next business day").</summary>
    public DateTime DueAt(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.AddBusinessDays(PacificDate(AdmittedAt), 1);
        return TimeZoneInfo.ConvertTimeToUtc(due.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Unspecified), BusinessCalendar.Pacific);
    }

    /// <summary>The referral reached the county after its due time.</summary>
    public bool ReferredLate(BusinessCalendar calendar) => ReportedAt > DueAt(calendar);

    /// <summary>Past the due time and the documents proving the emergency are still missing.</summary>
    public bool IsOverdue(DateTime nowUtc, BusinessCalendar calendar) => DocumentationReceivedAt is null && Utc.Require(nowUtc) > DueAt(calendar);

    private static DateOnly PacificDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, BusinessCalendar.Pacific));
}
