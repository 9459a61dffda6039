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

    public static readonly SarNumber Number = SarNumber.Create(CountyCode.From(19), 12345);
    public static readonly Guid ChildId = Guid.NewGuid();
    public static readonly Guid ProviderId = Guid.NewGuid();

    public static SarLineRequest Echo(int units = 1) =>
        new(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", Instants.Day("2026-03-09"), Instants.Day("2026-06-30"), units);

    public static SarLineRequest Visits(int units = 6) =>
        new(ServiceCodeSystem.Cpt, "99214", "Cardiology follow-up visit", Instants.Day("2026-03-09"), Instants.Day("2027-03-08"), units, "monthly");

    public static Sar Submit(params SarLineRequest[] lines) =>
        Sar.Submit(Number, ChildId, ProviderId, null, SarFormType.EstablishedClient, "Q21.0", false, null,
            lines.Length == 0 ? [Echo(), Visits()] : lines, Provider, Instants.Monday);

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
            case SarStatus.Denied:
                sar.BeginReview(Nurse, Instants.Later(1));
                sar.Deny(Consultant, "Not related to the CCS condition", Instants.Later(2));
                break;
            case SarStatus.Cancelled:
                sar.Cancel(Provider, "Submitted twice", Instants.Later(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "No public method leads a SAR to this status.");
        }
        Assert.Equal(status, sar.Status);
        return sar;
    }
}
