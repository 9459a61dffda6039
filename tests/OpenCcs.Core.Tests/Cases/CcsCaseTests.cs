using OpenCcs.Core.Cases;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Cases;

public class CcsCaseTests
{
    private static readonly Guid ChildId = Guid.NewGuid();
    private static readonly CountyCode Sacramento = CountyCode.From(34);
    private static readonly CountyCode Placer = CountyCode.From(31);
    private static readonly DateOnly OpenedOn = Instants.Day("2026-03-02");

    private static CcsCase Open() =>
        CcsCase.Open(ChildId, Sacramento, CaseProgram.CaseManagement, "Q21.0", OpenedOn, Instants.Monday);

    [Fact]
    public void Opened_case_is_open_in_its_county_for_the_diagnosed_condition()
    {
        var ccsCase = CcsCase.Open(ChildId, Sacramento, CaseProgram.MedicalTherapyProgram, " g80.9 ", OpenedOn, Instants.Monday);

        Assert.Equal(CaseStatus.Open, ccsCase.Status);
        Assert.Equal(ChildId, ccsCase.ChildId);
        Assert.Equal(Sacramento, ccsCase.County);
        Assert.Equal(CaseProgram.MedicalTherapyProgram, ccsCase.Program);
        Assert.Equal("G80.9", ccsCase.DiagnosisCode);
        Assert.Equal(OpenedOn, ccsCase.OpenedOn);
        Assert.Null(ccsCase.ClosedOn);
        Assert.Null(ccsCase.ClosureReason);
    }

    [Fact]
    public void Case_is_opened_only_for_a_documented_diagnosis()
    {
        var error = Rules.Refused("case.diagnosis-required",
            () => CcsCase.Open(ChildId, Sacramento, CaseProgram.CaseManagement, " ", OpenedOn, Instants.Monday));

        Assert.Contains("ICD-10", error.Message);
    }

    [Fact]
    public void Closed_case_records_when_and_why()
    {
        var ccsCase = Open();

        ccsCase.Close(Instants.Day("2026-09-30"), " Aged out ", Instants.Later(60));

        Assert.Equal(CaseStatus.Closed, ccsCase.Status);
        Assert.Equal(Instants.Day("2026-09-30"), ccsCase.ClosedOn);
        Assert.Equal("Aged out", ccsCase.ClosureReason);
    }

    [Fact]
    public void Case_may_close_on_the_day_it_opened()
    {
        var ccsCase = Open();

        ccsCase.Close(OpenedOn, "Opened in error", Instants.Later(60));

        Assert.Equal(CaseStatus.Closed, ccsCase.Status);
    }

    [Fact]
    public void Closing_a_case_needs_a_reason()
    {
        var ccsCase = Open();

        var error = Rules.Refused("case.closure-reason-required", () => ccsCase.Close(Instants.Day("2026-09-30"), "", Instants.Later(60)));

        Assert.Contains("why the case is closing", error.Message);
        Assert.Equal(CaseStatus.Open, ccsCase.Status);
    }

    [Fact]
    public void Case_cannot_close_before_it_opened()
    {
        var ccsCase = Open();

        var error = Rules.Refused("case.close-before-open", () => ccsCase.Close(Instants.Day("2026-03-01"), "Aged out", Instants.Later(60)));

        Assert.Contains("opened on 2026-03-02 cannot close on 2026-03-01", error.Message);
        Assert.Equal(CaseStatus.Open, ccsCase.Status);
    }

    [Fact]
    public void Case_cannot_be_closed_twice()
    {
        var ccsCase = Open();
        ccsCase.Close(Instants.Day("2026-09-30"), "Aged out", Instants.Later(60));

        var error = Rules.Refused("case.already-closed", () => ccsCase.Close(Instants.Day("2026-10-31"), "Moved away", Instants.Later(61)));

        Assert.Contains("already closed", error.Message);
        Assert.Equal(Instants.Day("2026-09-30"), ccsCase.ClosedOn);
        Assert.Equal("Aged out", ccsCase.ClosureReason);
    }

    [Fact]
    public void Case_moves_with_the_family_to_another_county()
    {
        var ccsCase = Open();

        ccsCase.TransferTo(Placer, Instants.Later(60));

        Assert.Equal(Placer, ccsCase.County);
        Assert.Equal(CaseStatus.Open, ccsCase.Status);
    }

    [Fact]
    public void Case_cannot_be_transferred_to_the_county_it_is_already_in()
    {
        var ccsCase = Open();

        var error = Rules.Refused("case.same-county", () => ccsCase.TransferTo(Sacramento, Instants.Later(60)));

        Assert.Contains("already in that county", error.Message);
    }

    [Fact]
    public void Closed_case_cannot_be_transferred()
    {
        var ccsCase = Open();
        ccsCase.Close(Instants.Day("2026-09-30"), "Aged out", Instants.Later(60));

        var error = Rules.Refused("case.closed", () => ccsCase.TransferTo(Placer, Instants.Later(61)));

        Assert.Contains("closed case cannot be transferred", error.Message);
        Assert.Equal(Sacramento, ccsCase.County);
    }
}
