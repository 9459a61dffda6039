using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>What the child is eligible for: treatment (case management) or the Medical Therapy Program.</summary>
public enum CaseProgram
{
    CaseManagement,
    MedicalTherapyProgram,
    DiagnosticOnly,
}

/// <summary>
/// A CCS case, opened when a child is found eligible (DOMAIN.md §4.6). CCS then case-manages the child
/// and authorizes every service for the CCS condition. Named CcsCase because <c>case</c> is a C# keyword.
/// </summary>
public sealed class CcsCase : AggregateRoot
{
    private CcsCase() { }

    public Guid ChildId { get; private set; }

    public CountyCode County { get; private set; }

    public CaseProgram Program { get; private set; }

    public string DiagnosisCode { get; private set; } = "";

    public DateOnly OpenedOn { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosureReason { get; private set; }

    public static CcsCase Open(Guid childId, CountyCode county, CaseProgram program, string diagnosisCode, DateOnly openedOn, DateTime utcNow)
    {
        if (county.IsEmpty) throw new DomainRuleException("case.county-required", "A case belongs to a county; choose one.");
        if (string.IsNullOrWhiteSpace(diagnosisCode))
            throw new DomainRuleException("case.diagnosis-required", "A case is opened for a documented CCS condition; enter its ICD-10 code.");
        var ccsCase = new CcsCase
        {
            ChildId = childId,
            County = county,
            Program = program,
            DiagnosisCode = diagnosisCode.Trim().ToUpperInvariant(),
            OpenedOn = openedOn,
            Status = CaseStatus.Open,
        };
        ccsCase.Created(utcNow);
        return ccsCase;
    }

    public void Close(DateOnly closedOn, string reason, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (Status == CaseStatus.Closed) throw new DomainRuleException("case.already-closed", "The case is already closed.");
        if (closedOn < OpenedOn)
            throw new DomainRuleException("case.close-before-open", $"A case opened on {OpenedOn:yyyy-MM-dd} cannot close on {closedOn:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("case.closure-reason-required", "Say why the case is closing.");
        Status = CaseStatus.Closed;
        ClosedOn = closedOn;
        ClosureReason = reason.Trim();
        Touch(utcNow);
    }

    /// <summary>When a family moves, the case moves with them to the new county.</summary>
    public void TransferTo(CountyCode county, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (Status == CaseStatus.Closed) throw new DomainRuleException("case.closed", "A closed case cannot be transferred.");
        if (county.IsEmpty) throw new DomainRuleException("case.county-required", "Choose the county the case moves to.");
        if (county == County) throw new DomainRuleException("case.same-county", "The case is already in that county.");
        County = county;
        Touch(utcNow);
    }
}
