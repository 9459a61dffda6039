using System.Globalization;
using System.Text;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Bench.Claims;

/// <summary>What the generator wrote: counts, and how many claims it meant to deny for each reason.</summary>
internal sealed record GeneratedFile(long Bytes, int Claims, int Lines, int TransactionSets, IReadOnlyDictionary<string, int> Intended);

/// <summary>
/// Writes a realistic 837P (005010X222A1) billing <see cref="BenchWorld"/>'s SARs: claims of 1–6 lines, runs of
/// claims per billing provider (loop 2000A), the child as subscriber (2000B, CIN as member id), REF*G1, HI,
/// SV1 and DTP*472. Most lines should pay; a few percent are built to deny for each rule the generator can
/// provoke (missing or unknown SAR, SAR not approved, someone else's SAR without a referring provider, code not
/// on the SAR, date outside it, provider not paneled, units beyond the SAR line).
/// </summary>
internal sealed class Claim837FileWriter(BenchWorld world, int seed)
{
    private const int ClaimsPerTransaction = 5_000;
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _intended = [];

    public GeneratedFile Write(Stream output, int serviceLines)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var sars = world.SarsForClaims;
        var providers = world.Billers;
        var lines = 0;
        var claims = 0;
        var transactions = 0;
        var segments = 0;
        var hl = 0;
        var claimsInTransaction = 0;
        string? control = null;

        void Segment(string text)
        {
            writer.Write(text);
            writer.Write("~\n");
            segments++;
        }

        void EndTransaction()
        {
            Segment($"SE*{segments + 1}*{control}");
            control = null;
        }

        writer.Write("ISA*00*          *00*          *ZZ*OPENCCSBENCH   *ZZ*CCSFI          *260301*1200*^*00501*000000001*0*T*:~\n");
        writer.Write("GS*HC*OPENCCSBENCH*CCSFI*20260301*1200*1*X*005010X222A1~\n");
        while (lines < serviceLines)
        {
            if (control is null)
            {
                transactions++;
                control = transactions.ToString("0000", CultureInfo.InvariantCulture);
                segments = 0;
                hl = 0;
                claimsInTransaction = 0;
                Segment($"ST*837*{control}*005010X222A1");
                Segment($"BHT*0019*00*B{transactions}*20260301*1200*CH");
                Segment("NM1*41*2*OPENCCS BENCH BILLING*****46*BENCH01");
                Segment("PER*IC*BILLING DESK*TE*9165550100");
                Segment("NM1*40*2*CALIFORNIA CHILDRENS SERVICES*****46*CCSFI");
            }

            // A run of claims from one billing provider (loop 2000A), as a practice management system sends them.
            var runSar = sars[_random.Next(sars.Count)];
            var biller = providers[_random.Next(providers.Count)];
            var billerHl = ++hl;
            Segment($"HL*{billerHl}**20*1");
            Segment($"NM1*85*1*{biller.Name.Split(',')[0].Replace(' ', '*')}****XX*{biller.Npi.Value}");
            Segment("N3*100 MAIN ST");
            Segment("N4*SACRAMENTO*CA*958140000");
            Segment("REF*EI*680000001");
            for (var run = _random.Next(1, 20); run > 0 && lines < serviceLines && claimsInTransaction < ClaimsPerTransaction; run--)
            {
                var sar = run == 1 ? runSar : sars[_random.Next(sars.Count)];
                lines += WriteClaim(Segment, ++hl, billerHl, biller.Npi.Value, sar, claims + 1, serviceLines - lines);
                claims++;
                claimsInTransaction++;
            }

            if (claimsInTransaction >= ClaimsPerTransaction || lines >= serviceLines)
            {
                EndTransaction();
            }
        }

        writer.Write($"GE*{transactions}*1~\nIEA*1*000000001~\n");
        writer.Flush();
        return new GeneratedFile(output.Position, claims, lines, transactions, _intended);
    }

    private int WriteClaim(Action<string> segment, int hl, int parent, string billerNpi, BenchSar sar, int claimNumber, int linesLeft)
    {
        var roll = _random.Next(1000);
        var emergency = roll < 10;
        string? reference = sar.Number;
        string? referring = null;
        if (emergency)
        {
            reference = null;
            Intend("emergency, no SAR needed");
        }
        else if (roll < 30)
        {
            reference = null;
            Intend("no REF*G1 (CARC 15)");
        }
        else if (roll < 40)
        {
            reference = SarNumber.Create(CountyCode.From(19), 90_000_000 + _random.Next(1_000_000)).Value;
            Intend("SAR number not on file (CARC 197)");
        }

        // Most claims come from the SAR's own provider; some share the SAR with the authorised provider as referring.
        var billing = billerNpi;
        var share = _random.Next(100);
        if (share < 80)
        {
            billing = sar.ProviderNpi;
        }
        else if (share < 98 && billing != sar.ProviderNpi)
        {
            referring = sar.ProviderNpi;
            Intend("shared SAR, authorised provider as referring");
        }
        else if (billing != sar.ProviderNpi)
        {
            Intend("someone else's SAR, no referring provider (N54)");
        }

        var lineCount = Math.Min(linesLeft, _random.Next(1, 7));
        segment($"HL*{hl}*{parent}*22*0");
        segment("SBR*P*18*******MC");
        segment($"NM1*IL*1*{sar.Child.Last}*{sar.Child.First}****MI*{sar.Cin}");
        segment("N3*200 OAK AVE");
        segment("N4*SACRAMENTO*CA*958140000");
        segment("DMG*D8*20150704*F");
        segment("NM1*PR*2*CALIFORNIA CHILDRENS SERVICES*****PI*CCS");
        var charge = 0m;
        var body = new List<string>(lineCount * 3);
        for (var i = 1; i <= lineCount; i++)
        {
            var code = sar.Codes[_random.Next(sar.Codes.Length)];
            var lineRoll = _random.Next(100);
            if (lineRoll < 3)
            {
                code = "99499";
                Intend("line code not on the SAR (N54)");
            }

            var date = sar.From.AddDays(_random.Next(0, sar.To.DayNumber - sar.From.DayNumber + 1));
            if (lineRoll is >= 3 and < 5)
            {
                date = sar.To.AddDays(_random.Next(1, 30));
                Intend("date of service after the SAR (CARC 197)");
            }

            var units = _random.Next(1, 3);
            var lineCharge = 85m * units;
            charge += lineCharge;
            body.Add($"LX*{i}");
            body.Add(string.Create(CultureInfo.InvariantCulture, $"SV1*HC:{code}*{lineCharge:0.00}*UN*{units}***1{(emergency ? "**Y" : "")}"));
            body.Add($"DTP*472*D8*{date:yyyyMMdd}");
        }

        segment(string.Create(CultureInfo.InvariantCulture, $"CLM*C{claimNumber:0000000}*{charge:0.00}***11:B:1*Y*A*Y*Y"));
        if (reference is not null)
        {
            segment($"REF*G1*{reference}");
        }

        segment("HI*ABK:Q210");
        if (referring is not null)
        {
            segment($"NM1*DN*1*REFERRING*DOCTOR****XX*{referring}");
        }

        if (billing != billerNpi)
        {
            segment($"NM1*82*1*RENDERING*DOCTOR****XX*{billing}");
        }

        foreach (var s in body)
        {
            segment(s);
        }

        return lineCount;
    }

    private void Intend(string reason) => _intended[reason] = _intended.GetValueOrDefault(reason) + 1;
}
