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
/// A child with an approved SAR (echocardiogram x2 and visits x6 from Dr Alvarez, December 2026 to May 2027) and a
/// SAR still in review, made through the domain (Sar.Submit, BeginReview, Approve) and saved in a migrated database;
/// plus a second paneled physician who is not on either SAR. The child's CIN is 91234567A, unless the scenario gives
/// it a new CIN from a date.
/// </summary>
public sealed class ClaimScenario
{
    private static readonly DateTime Now = new(2026, 11, 23, 21, 0, 0, DateTimeKind.Utc);
    private static readonly CountyCode LosAngeles = CountyCode.From(19);

    public const string FirstCin = "91234567A";

    private ClaimScenario(Provider authorized, Provider other, Child child, Sar approved, Sar inReview)
    {
        Authorized = authorized;
        Other = other;
        Child = child;
        Approved = approved;
        InReview = inReview;
    }

    public Provider Authorized { get; }
    public Provider Other { get; }
    public Child Child { get; }
    public Sar Approved { get; }
    public Sar InReview { get; }

    public string ApprovedNumber => Approved.Number.Value;
    public string InReviewNumber => InReview.Number.Value;

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
        var child = Child.Register(new PersonName("Ana", "Reyes"), new DateOnly(2015, 2, 28), Cin.Parse(FirstCin), LosAngeles, Language.Spanish, Now);
        if (newCin is { } change) child.AssignCin(change.Cin, change.From, change.From.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc));
        var ccsCase = CcsCase.Open(child.Id, LosAngeles, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2025, 1, 6), Now);

        var approved = Submit(1, child, authorized);
        approved.BeginReview("nurse-1", Now.AddHours(1));
        approved.Approve("nurse-1", Now.AddHours(2));
        var inReview = Submit(2, child, authorized);
        inReview.BeginReview("nurse-1", Now.AddHours(1));

        await using var db = database.NewContext();
        db.ProviderOrganizations.Add(organization);
        db.Providers.AddRange(authorized, other);
        db.Children.Add(child);
        db.Cases.Add(ccsCase);
        db.Sars.AddRange(approved, inReview);
        db.SarNumberCounters.Add(new SarNumberCounter { CountyCode = LosAngeles.Value, LastSequence = 2 });
        await db.SaveChangesAsync();
        return new ClaimScenario(authorized, other, child, approved, inReview);
    }

    private static Sar Submit(long sequence, Child child, Provider provider) =>
        Sar.Submit(
            SarNumber.Create(LosAngeles, sequence), child.Id, provider.Id, null, SarFormType.EstablishedClient, "Q21.0",
            expedited: false, expeditedReason: null,
            [
                new SarLineRequest(ServiceCodeSystem.Cpt, "93306", "Echocardiogram, complete", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 2),
                new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31), 6),
            ],
            "provider-user-1", Now);

    /// <summary>
    /// Six professional claims, one line each except C1:
    /// C1 pays (two lines); C2 is after the SAR's end date; C3 has no SAR number; C4 bills the SAR in review;
    /// C5 is billed by a physician who is not the SAR's and names no referring provider; C6 is the same but
    /// shares the SAR correctly (the authorised physician as referring provider) and pays.
    /// </summary>
    public string Professional837() => Interchange(
        Claim("C1", Authorized, ApprovedNumber, null, ("99214", "20261203", 1), ("93306", "20261210", 1)),
        Claim("C2", Authorized, ApprovedNumber, null, ("99214", "20270615", 1)),
        Claim("C3", Authorized, null, null, ("99214", "20261204", 1)),
        Claim("C4", Authorized, InReviewNumber, null, ("99214", "20261205", 1)),
        Claim("C5", Other, ApprovedNumber, null, ("99214", "20261206", 1)),
        Claim("C6", Other, ApprovedNumber, Authorized, ("99214", "20261207", 1)));

    /// <summary>Two office visits on the approved SAR, billed by the authorised physician with the member ID <paramref name="memberId"/>: V1 on <paramref name="first"/>, V2 on <paramref name="second"/>.</summary>
    public string Visits837(string memberId, string first, string second) => Interchange(
        ClaimOf(memberId, "V1", Authorized, ApprovedNumber, null, ("99214", first, 1)),
        ClaimOf(memberId, "V2", Authorized, ApprovedNumber, null, ("99214", second, 1)));

    private string[] Claim(string reference, Provider billing, string? sar, Provider? referring, params (string Code, string Date, int Units)[] lines) =>
        ClaimOf(Child.Cin!.Value.Value, reference, billing, sar, referring, lines);

    private string[] ClaimOf(string memberId, string reference, Provider billing, string? sar, Provider? referring, params (string Code, string Date, int Units)[] lines)
    {
        var segments = new List<string>
        {
            $"NM1*85*1*{billing.Name.Split(',')[0].Replace(' ', '*')}****XX*{billing.Npi.Value}",
            "HL*2*1*22*0",
            "SBR*P*18*******MC",
            $"NM1*IL*1*REYES*ANA****MI*{memberId}",
            "DMG*D8*20150228*F",
            $"CLM*{reference}*{85 * lines.Length}***11:B:1*Y*A*Y*Y",
        };
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

    private static string Interchange(params string[][] claims)
    {
        var body = new StringBuilder();
        var count = 0;
        void Segment(string s)
        {
            body.Append(s).Append("~\n");
            count++;
        }

        Segment("ST*837*0001*005010X222A1");
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
            + "GS*HC*SUNRISE*CCS*20261215*1200*1*X*005010X222A1~\n" + body + "GE*1*1~\nIEA*1*000000001~\n";
    }
}
