using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;

namespace OpenCcs.Bench.Claims;

/// <summary>
/// The providers, children, cases and SARs a generated 837 bills against, built with the domain's own methods
/// (Provider.Enroll/Panel, Child.Register, CcsCase.Open, Sar.Submit/Approve). Deterministic for a seed.
/// Sized from the number of service lines: about one child per 60 lines and two SARs per child.
/// </summary>
internal sealed class BenchWorld
{
    public const string Actor = "claims-bench";

    private static readonly int[] Counties = [19, 37, 34, 15, 10, 1, 30, 44];
    private static readonly string[] PhysicianCodes = ["99213", "99214", "99215", "93306", "93000", "85025"];
    private static readonly string[] TherapistCodes = ["97110", "97112", "97140", "97530"];
    private static readonly string[] AudiologyCodes = ["92557", "92567", "92587"];
    private static readonly string[] FirstNames = ["ANA", "LUIS", "MAYA", "NOAH", "SOFIA", "MATEO", "EMMA", "LIAM", "ZOE", "KAI", "LENA", "OMAR"];
    private static readonly string[] LastNames = ["GARCIA", "NGUYEN", "SMITH", "LOPEZ", "KIM", "PATEL", "CHEN", "BROWN", "VANG", "RIVERA", "HALL", "ORTIZ"];

    public required List<ProviderOrganization> Organizations { get; init; }
    public required List<Provider> Providers { get; init; }
    public required List<Child> Children { get; init; }
    public required List<CcsCase> Cases { get; init; }
    public required List<Sar> Sars { get; init; }
    public required Dictionary<int, long> Counters { get; init; }

    /// <summary>What the 837 writer needs of each SAR, without touching EF-shaped entities in the hot loop.</summary>
    public required List<BenchSar> SarsForClaims { get; init; }

    /// <summary>Individual providers that bill (physicians, therapists, audiologists).</summary>
    public required List<Provider> Billers { get; init; }

    public static BenchWorld Create(int serviceLines, int seed)
    {
        var random = new Random(seed);
        var now = new DateTime(2026, 1, 2, 12, 0, 0, DateTimeKind.Utc);
        var organizations = new List<ProviderOrganization>();
        for (var i = 0; i < 6; i++)
        {
            organizations.Add(ProviderOrganization.Create($"Bench Pediatric Group {i + 1}", now));
        }

        var npis = new HashSet<string>();
        var providers = new List<Provider>();
        Provider Enroll(ProviderType type, string name)
        {
            Npi npi;
            do
            {
                npi = Npi.FromFirstNine("1" + random.Next(0, 100_000_000).ToString("00000000"));
            }
            while (!npis.Add(npi.Value));

            var provider = Provider.Enroll(npi, name, type, organizations[providers.Count % organizations.Count].Id, now);
            // One provider in fifty is not paneled: its claims deny on the panel rule.
            if (providers.Count % 50 != 7)
            {
                provider.Panel(new DateOnly(2015, 1, 1), null, now);
            }

            providers.Add(provider);
            return provider;
        }

        for (var i = 0; i < 40; i++) Enroll(ProviderType.Physician, $"{Pick(random, FirstNames)} {Pick(random, LastNames)}, MD");
        for (var i = 0; i < 12; i++) Enroll(ProviderType.Therapist, $"{Pick(random, FirstNames)} {Pick(random, LastNames)}, PT");
        for (var i = 0; i < 4; i++) Enroll(ProviderType.Audiologist, $"{Pick(random, FirstNames)} {Pick(random, LastNames)}, AuD");

        var childCount = Math.Max(20, serviceLines / 60);
        var children = new List<Child>(childCount);
        var cases = new List<CcsCase>(childCount);
        var sars = new List<Sar>(childCount * 2);
        var forClaims = new List<BenchSar>(childCount * 2);
        var counters = new Dictionary<int, long>();
        var cins = new HashSet<string>();
        for (var i = 0; i < childCount; i++)
        {
            string cinText;
            do
            {
                cinText = "9" + random.Next(0, 10_000_000).ToString("0000000") + (char)('A' + random.Next(26));
            }
            while (!cins.Add(cinText));

            var county = CountyCode.From(Counties[random.Next(Counties.Length)]);
            var name = new PersonName(Pick(random, FirstNames), Pick(random, LastNames));
            var child = Child.Register(name, new DateOnly(2012, 1, 1).AddDays(random.Next(0, 4000)), Cin.Parse(cinText), county, Language.English, now);
            children.Add(child);
            cases.Add(CcsCase.Open(child.Id, county, CaseProgram.CaseManagement, "Q21.0", new DateOnly(2025, 6, 1), now));
            for (var s = random.Next(1, 4); s > 0; s--)
            {
                var provider = providers[random.Next(providers.Count)];
                var codes = provider.Type switch
                {
                    ProviderType.Therapist => TherapistCodes,
                    ProviderType.Audiologist => AudiologyCodes,
                    _ => PhysicianCodes,
                };
                var from = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 120));
                var to = from.AddMonths(6).AddDays(-1);
                var lineCount = random.Next(1, 4);
                var lines = new List<SarLineRequest>(lineCount);
                foreach (var code in codes.OrderBy(_ => random.Next()).Take(lineCount))
                {
                    // One SAR line in thirty is authorised for few units, so later lines exceed it (CARC 198).
                    var units = random.Next(30) == 0 ? random.Next(2, 6) : random.Next(60, 200);
                    lines.Add(new SarLineRequest(ServiceCodeSystem.Cpt, code, $"Service {code}", from, to, units));
                }

                counters[county.Value] = counters.GetValueOrDefault(county.Value) + 1;
                var number = SarNumber.Create(county, counters[county.Value]);
                var sar = Sar.Submit(number, child.Id, provider.Id, null, SarFormType.EstablishedClient, "Q21.0", false, null, lines, Actor, now);
                // One SAR in thirty is still under review: claims against it deny (CARC 197).
                var approved = random.Next(30) != 0;
                sar.BeginReview(Actor, now.AddHours(1));
                if (approved)
                {
                    sar.Approve(Actor, now.AddHours(2));
                }

                sars.Add(sar);
                forClaims.Add(new BenchSar(number.Value, cinText, name, provider.Npi.Value, from, to, [.. lines.Select(l => l.Code!)]));
            }
        }

        return new BenchWorld
        {
            Organizations = organizations,
            Providers = providers,
            Children = children,
            Cases = cases,
            Sars = sars,
            Counters = counters,
            SarsForClaims = forClaims,
            Billers = providers,
        };
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}

/// <summary>A SAR as the claim writer bills against it.</summary>
internal sealed record BenchSar(string Number, string Cin, PersonName Child, string ProviderNpi, DateOnly From, DateOnly To, string[] Codes);
