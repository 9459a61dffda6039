using System.Text;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>
/// A child with an approved SAR (echocardiogram x2 and visits x6 from Dr Alvarez, December 2026 to May 2027), a
/// SAR still in review, and an approved hospital SAR (5 inpatient days at a CCS-approved hospital, 1 to 10 December
/// 2026), made through the domain (Sar.Submit, BeginReview, Approve) and saved in a migrated database; plus a second
/// paneled physician who is not on any SAR. The child's CIN is 91234567A, unless the scenario gives it a new CIN from
/// a date.
/// </summary>
public sealed class ClaimScenario
{
    private static readonly DateTime Now = new(2026, 11, 23, 21, 0, 0, DateTimeKind.Utc);
    private static readonly CountyCode LosAngeles = CountyCode.From(19);

    public const string FirstCin = "91234567A";

    private ClaimScenario(Provider authorized, Provider other, Provider hospital, Child child, Sar approved, Sar inReview, Sar hospitalStay)
    {
        Authorized = authorized;
        Other = other;
        Hospital = hospital;
        Child = child;
        Approved = approved;
        InReview = inReview;
        HospitalStay = hospitalStay;
    }

    public Provider Authorized { get; }
    public Provider Other { get; }
    public Child Child { get; }
    public Sar Approved { get; }
    public Sar InReview { get; }
    public Provider Hospital { get; }

    /// <summary>A hospital SAR: 5 inpatient days from 2026-12-01 to 2026-12-10, to <see cref="Hospital"/>.</summary>
    public Sar HospitalStay { get; }

    public string ApprovedNumber => Approved.Number.Value;
    public string InReviewNumber => InReview.Number.Value;
    public string HospitalStayNumber => HospitalStay.Number.Value;

    /// <summary>
    /// Migrates the database through <c>ccs migrate</c> and saves the scenario in it; with <paramref name="newCin"/>, the
    /// child's CIN was replaced from that date (recorded by the county on the day).
    /// </summary>
    public static async Task<ClaimScenario> SavedInAsync(CliDatabase database, (Cin Cin, DateOnly From)? newCin = null)
    {
        (await Ccs.RunAsync(["migrate", .. database.Options])).AssertSucceeded();
        var organization = ProviderOrganization.Create("Sunrise Pediatric Specialists", Now);
        var authorized = Provider.Enroll(Npi.FromFirstNine("123456789"), "Rosa Alvarez, MD", ProviderType.Physician, organization.Id, Now);
        authorized.Panel(new DateOnly(2020, 1, 1), null, Now);
        var other = Provider.Enroll(Npi.FromFirstNine("187654321"), "Sam Lee, MD", ProviderType.Physician, organization.Id, Now);
        other.Panel(new DateOnly(2020, 1, 1), null, Now);
        var hospital = Provider.Enroll(Npi.FromFirstNine("145678901"), "Valley Childrens Hospital", ProviderType.Hospital, organization.Id, Now);
        hospital.Approve(FacilityApprovalKind.Hospital, null, new DateOnly(2020, 1, 1), null, Now);
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse(FirstCin), LosAngeles, Language.Spanish, Now);
        if (newCin is { } change) child.AssignCin(change.Cin, change.From, change.From.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc));
        var ccsCase = CcsCase.Open(child.Id, LosAngeles, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2025, 1, 6), Now);

        var approved = Submit(1, child, authorized, Visits);
        approved.BeginReview("nurse-1", Now.AddHours(1));
        approved.Approve("nurse-1", Now.AddHours(2));
        var inReview = Submit(2, child, authorized, Visits);
        inReview.BeginReview("nurse-1", Now.AddHours(1));
        // Inpatient days only: the approval makes it a hospital SAR (SarDecision.ImpliedType).
        var hospitalStay = Submit(3, child, hospital,
            [new SarLineRequest(ServiceCodeSystem.InpatientDays, null, "Inpatient days", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 10), 5)]);
        hospitalStay.BeginReview("nurse-1", Now.AddHours(1));
        hospitalStay.Approve("nurse-1", Now.AddHours(2));

        await using var db = database.NewContext();
        db.ProviderOrganizations.Add(organization);
        db.Providers.AddRange(authorized, other, hospital);
        db.Children.Add(child);
        db.Cases.Add(ccsCase);
        db.Sars.AddRange(approved, inReview, hospitalStay);
        db.SarNumberCounters.Add(new SarNumberCounter { CountyCode = LosAngeles.Value, LastSequence = 3 });
        await db.SaveChangesAsync();
        return new ClaimScenario(authorized, other, hospital, child, approved, inReview, hospitalStay);
    }

    private static readonly SarLineRequest[] Visits =
    [
        new(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 2),
        new(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 6),
    ];

    private static Sar Submit(long sequence, Child child, Provider provider, SarLineRequest[] lines) =>
        Sar.Submit(
            SarNumber.Create(LosAngeles, sequence), child.Id, provider.Id, null, SarFormType.EstablishedClient, "Q21.0",
            expedited: false, expeditedReason: null, lines, "provider-user-1", Now);

    /// <summary>
    /// Six professional claims, one line each except C1:
    /// C1 pays (two lines); C2 is after the SAR's end date; C3 has no SAR number; C4 bills the SAR in review;
    /// C5 is billed by a physician who is not the SAR's and names no referring provider; C6 is the same but
    /// shares the SAR correctly (the authorised physician as referring provider) and pays.
    /// </summary>
    public string Professional837() => Interchange(Professional,
        Claim("C1", Authorized, ApprovedNumber, null, ("99214", "20261203", 1), ("93306", "20261210", 1)),
        Claim("C2", Authorized, ApprovedNumber, null, ("99214", "20270615", 1)),
        Claim("C3", Authorized, null, null, ("99214", "20261204", 1)),
        Claim("C4", Authorized, InReviewNumber, null, ("99214", "20261205", 1)),
        Claim("C5", Other, ApprovedNumber, null, ("99214", "20261206", 1)),
        Claim("C6", Other, ApprovedNumber, Authorized, ("99214", "20261207", 1)));

    /// <summary>Office visits on the approved SAR, billed by the authorised physician with the member ID <paramref name="memberId"/>: V1 on the first date, V2 on the second, and so on.</summary>
    public string Visits837(string memberId, params string[] dates) => Interchange(Professional,
        [.. dates.Select((date, i) => ClaimOf(memberId, $"V{i + 1}", Authorized, ApprovedNumber, null, ("99214", date, 1)))]);

    /// <summary>
    /// Four inpatient claims (837I, 005010X223A2) from the hospital on its hospital SAR:
    /// H1 pays: 3 days of room and board (revenue code 0120) and 1 of intensive care (0200), 4 of the 5 days authorised;
    /// H2 bills pharmacy (0250) and a physician's visit (0960, CPT 99223), which a hospital SAR does not pay;
    /// H3 bills 2 days after the SAR's end date, its line dated only by the claim's statement period (DTP*434);
    /// H4 bills 2 more days within the SAR's dates, when 1 is left.
    /// </summary>
    public string Institutional837() => Interchange(Institutional,
        Stay("H1", "RD8*20261203-20261206", ("0120", null, 3, "RD8*20261203-20261205"), ("0200", null, 1, "D8*20261206")),
        Stay("H2", "D8*20261204", ("0250", null, 1, "D8*20261204"), ("0960", "99223", 1, "D8*20261204")),
        Stay("H3", "RD8*20261211-20261212", ("0120", null, 2, null)),
        Stay("H4", "RD8*20261207-20261208", ("0120", null, 2, "RD8*20261207-20261208")));

    private const string Professional = "005010X222A1";
    private const string Institutional = "005010X223A2";

    private string[] Claim(string reference, Provider billing, string? sar, Provider? referring, params (string Code, string Date, int Units)[] lines) =>
        ClaimOf(Child.Cin!.Value.Value, reference, billing, sar, referring, lines);

    private static string[] ClaimOf(string memberId, string reference, Provider billing, string? sar, Provider? referring, params (string Code, string Date, int Units)[] lines)
    {
        List<string> segments = [.. Subscriber(billing, memberId), $"CLM*{reference}*{85 * lines.Length}***11:B:1*Y*A*Y*Y"];
        if (sar is not null) segments.Add($"REF*G1*{sar}");
        segments.Add("HI*ABK:Q210");
        if (referring is not null) segments.Add($"NM1*DN*1*ALVAREZ*ROSA****XX*{referring.Npi.Value}");
        var number = 0;
        foreach (var (code, date, units) in lines)
        {
            segments.Add($"LX*{++number}");
            segments.Add($"SV1*HC:{code}*85*UN*{units}***1");
            segments.Add($"DTP*472*D8*{date}");
        }

        return [.. segments];
    }

    // An urgent admission (CL1-01 2, not an emergency) on the hospital SAR. A line's Date is its DTP*472 format and
    // value ("D8*20261204"), or null for a line without one.
    private string[] Stay(string reference, string statementPeriod, params (string Revenue, string? Cpt, int Units, string? Date)[] lines)
    {
        List<string> segments =
        [
            .. Subscriber(Hospital, Child.Cin!.Value.Value),
            $"CLM*{reference}*{1000 * lines.Length}***11:A:1**A*Y*Y",
            $"DTP*434*{statementPeriod}",
            "CL1*2*1*01",
            $"REF*G1*{HospitalStayNumber}",
            "HI*ABK:Q210",
        ];
        var number = 0;
        foreach (var (revenue, cpt, units, date) in lines)
        {
            segments.Add($"LX*{++number}");
            segments.Add(cpt is null ? $"SV2*{revenue}**1000*DA*{units}" : $"SV2*{revenue}*HC:{cpt}*1000*UN*{units}");
            if (date is not null) segments.Add($"DTP*472*{date}");
        }

        return [.. segments];
    }

    // The billing provider (a person or a facility) and the child as subscriber; Interchange numbers the HL segments.
    private static string[] Subscriber(Provider billing, string memberId) =>
    [
        billing.IsFacility
            ? $"NM1*85*2*{billing.Name.ToUpperInvariant()}*****XX*{billing.Npi.Value}"
            : $"NM1*85*1*{billing.Name.Split(',')[0].Replace(' ', '*')}****XX*{billing.Npi.Value}",
        "HL*2*1*22*0",
        "SBR*P*18*******MC",
        $"NM1*IL*1*REYES*ANA****MI*{memberId}",
        "DMG*D8*20150228*F",
    ];

    private static string Interchange(string guide, params string[][] claims)
    {
        var body = new StringBuilder();
        var count = 0;
        void Segment(string s)
        {
            body.Append(s).Append("~\n");
            count++;
        }

        Segment($"ST*837*0001*{guide}");
        Segment("BHT*0019*00*1*20261215*1200*CH");
        Segment("NM1*41*2*SUNRISE BILLING*****46*S1");
        Segment("NM1*40*2*CCS*****46*R1");
        var hl = 0;
        foreach (var claim in claims)
        {
            Segment($"HL*{++hl}**20*1");
            foreach (var segment in claim)
            {
                Segment(segment.StartsWith("HL*2*1*22", StringComparison.Ordinal) ? $"HL*{++hl}*{hl - 1}*22*0" : segment);
            }
        }

        Segment($"SE*{count + 1}*0001");
        return "ISA*00*          *00*          *ZZ*SUNRISE        *ZZ*CCS            *261215*1200*^*00501*000000001*0*T*:~\n"
            + $"GS*HC*SUNRISE*CCS*20261215*1200*1*X*{guide}~\n" + body + "GE*1*1~\nIEA*1*000000001~\n";
    }
}
