using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;

namespace OpenCcs.Data.Tests.Support;

public static class TestClock
{
    /// <summary>A Monday afternoon in California, on a whole microsecond so PostgreSQL keeps it exactly.</summary>
    public static readonly DateTime Now = new(2026, 11, 23, 21, 0, 0, DateTimeKind.Utc);

    public static readonly CountyCode LosAngeles = CountyCode.From(19);

    public static readonly CountyCode SanDiego = CountyCode.From(37);
}

/// <summary>
/// Who most tests need, made through the domain's own methods: an organisation, a paneled physician,
/// a hospital with a regional NICU, and a child with a guardian in Los Angeles.
/// </summary>
public sealed record Cast(ProviderOrganization Organization, Provider Physician, Provider Hospital, Child Child)
{
    public static Cast Create()
    {
        var now = TestClock.Now;
        var organization = ProviderOrganization.Create("Sunrise Pediatric Specialists", now);
        var physician = Provider.Enroll(Npi.FromFirstNine("123456789"), "Rosa Alvarez, MD", ProviderType.Physician, organization.Id, now);
        physician.Panel(new DateOnly(2020, 1, 1), null, now);
        var hospital = Provider.Enroll(Npi.FromFirstNine("198765432"), "Golden Valley Children's Hospital", ProviderType.Hospital, organization.Id, now);
        hospital.Approve(FacilityApprovalKind.Hospital, null, new DateOnly(2015, 1, 1), null, now);
        hospital.Approve(FacilityApprovalKind.Nicu, NicuLevel.Regional, new DateOnly(2018, 7, 1), null, now);
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse("91234567A"), TestClock.LosAngeles, Language.Spanish, now);
        child.AddGuardian(new PersonName("Maria", "Reyes"), "Mother", "(555) 010-2026", "family-account-1", now);
        return new Cast(organization, physician, hospital, child);
    }

    /// <summary>Creates the cast and saves it, so referrals, cases and SARs have someone to point at.</summary>
    public static async Task<Cast> SavedInAsync(FreshDatabase database)
    {
        var cast = Create();
        await database.AddAsync(cast.Organization, cast.Physician, cast.Hospital, cast.Child);
        return cast;
    }

    /// <summary>A submitted SAR from the physician for an echocardiogram and follow-up visits.</summary>
    public Sar SubmitSar(long sequence, DateTime receivedAt) =>
        Sar.Submit(
            SarNumber.Create(Child.CountyOfResidence, sequence), Child.Id, Physician.Id, null, SarFormType.EstablishedClient, "q21.0",
            expedited: false, expeditedReason: null,
            [
                new SarLineRequest(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 2),
                new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 6, "Monthly"),
            ],
            "provider-user-1", receivedAt);
}
