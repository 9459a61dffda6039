using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>Submits SARs and walks them to a status through the SAR's own methods.</summary>
internal static class SarBuilder
{
    public const string Provider = "provider:dr-kim";
    public const string Nurse = "county:nurse-lee";
    public const string Consultant = "county:dr-patel";
    public const string IscdReviewer = "state:iscd-ortiz";
    public const string CoverSheet = "CS-2026-000123";

    public static readonly SarNumber Number = SarNumber.Create(CountyCode.From(19), 12345);
    public static readonly Guid ChildId = Guid.NewGuid();
    public static readonly Guid ProviderId = Guid.NewGuid();

    public static SarLineRequest Echo(int units = 1) =>
        new(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", Instants.Day("2026-03-09"), Instants.Day("2026-06-30"), units);

    public static SarLineRequest Visits(int units = 6) =>
        new(ServiceCodeSystem.Cpt, "99214", "Cardiology follow-up visit", Instants.Day("2026-03-09"), Instants.Day("2027-03-08"), units, "monthly");

    public static SarLineRequest Line(ServiceCodeSystem system, string? code, string description = "Requested service", int units = 1) =>
        new(system, code, description, Instants.Day("2026-03-09"), Instants.Day("2026-06-30"), units);

    public static SarLineRequest InpatientDays(int days = 5) =>
        new(ServiceCodeSystem.InpatientDays, null, "Inpatient days", Instants.Day("2026-03-09"), Instants.Day("2026-03-13"), days);

    public static Sar Submit(params SarLineRequest[] lines) =>
        Sar.Submit(Number, ChildId, ProviderId, null, SarFormType.EstablishedClient, "Q21.0", false, null,
            lines.Length == 0 ? [Echo(), Visits()] : lines, Provider, Instants.Monday);

    /// <summary>A SAR with these lines, in review.</summary>
    public static Sar InReview(params SarLineRequest[] lines)
    {
        var sar = Submit(lines);
        sar.BeginReview(Nurse, Instants.Later(1));
        return sar;
    }

    /// <summary>The echocardiogram as asked, the visits not: a modification.</summary>
    public static SarDecision EchoOnly(Sar sar) =>
        new(SarType.Physician, sar.RequestingProviderId, [LineDecision.Authorize(1, 1, sar.Lines[0].From, sar.Lines[0].To)])
        {
            Reason = "The cardiology visits are already authorised on another SAR",
        };

    /// <summary>A SAR in <paramref name="status"/>, reached the ordinary way; each step one minute after the last.</summary>
    public static Sar In(SarStatus status)
    {
        var sar = Submit();
        switch (status)
        {
            case SarStatus.Submitted:
                break;
            case SarStatus.InReview:
                sar.BeginReview(Nurse, Instants.Later(1));
                break;
            case SarStatus.PendedForInformation:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.PendForInformation(Nurse, "Latest cardiology note", Instants.Later(2));
                break;
            case SarStatus.Approved:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.Approve(Consultant, Instants.Later(2));
                break;
            case SarStatus.Modified:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.Approve(Consultant, EchoOnly(sar), ReferenceTables.Rules, Instants.Later(2));
                break;
            case SarStatus.Denied:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.Deny(Consultant, "Not related to the CCS condition", Instants.Later(2));
                break;
            case SarStatus.Cancelled:
                sar.Cancel(Provider, "Submitted twice", Instants.Later(1));
                break;
            case SarStatus.Redirected:
                sar.Redirect(Nurse, "Send outpatient pharmacy requests to Medi-Cal Rx", Instants.Later(1));
                break;
            case SarStatus.ForwardedToIscd:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.ForwardToIscd(IscdQueue.PhysicianReview, CoverSheet, Nurse, Instants.Later(2));
                break;
            case SarStatus.Returned:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.ForwardToIscd(IscdQueue.PhysicianReview, CoverSheet, Nurse, Instants.Later(2));
                sar.ReturnToCounty(IscdReviewer, "Echocardiograms go to the county, not Physician Review", Instants.Later(3));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "No public method leads a SAR to this status.");
        }
        Assert.Equal(status, sar.Status);
        return sar;
    }
}
