using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using static OpenCcs.Core.Tests.Claims.ClaimScenario;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>Whatever a provider sends, the check answers with findings and never throws (issue 4).</summary>
public class ClaimCheckPropertyTests
{
    [Property(Arbitrary = [typeof(ArbitraryClaims)], MaxTest = 1000)]
    public void Check_never_throws_and_gives_every_line_an_answer(ClaimToCheck claim)
    {
        var facts = ArbitraryClaims.Facts;

        var result = Checker.Check(claim, facts, new SarUsage());

        Assert.Equal(claim.Lines.Count, result.Lines.Count);
        Assert.All(result.Lines.SelectMany(l => l.Findings), finding =>
        {
            Assert.NotNull(ClaimRules.Find(finding.RuleId));
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
            Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
        });
    }

    [Property(Arbitrary = [typeof(ArbitraryClaims)], MaxTest = 300)]
    public void Checking_is_the_same_the_second_time_with_a_fresh_run(ClaimToCheck claim)
    {
        var first = Checker.Check(claim, ArbitraryClaims.Facts, new SarUsage());
        var second = Checker.Check(claim, ArbitraryClaims.Facts, new SarUsage());

        Assert.Equal(
            first.Lines.Select(l => string.Join("|", l.Findings.Select(f => f.RuleId + f.Message))),
            second.Lines.Select(l => string.Join("|", l.Findings.Select(f => f.RuleId + f.Message))));
    }
}

/// <summary>
/// Claims mixing values the scenario knows (so the deep rules run) with arbitrary text, nulls, odd dates and
/// units, against SARs of every type and status.
/// </summary>
public static class ArbitraryClaims
{
    private static readonly SarFacts[] Sars =
    [
        PhysicianSar,
        PhysicianSar with { Number = SarNumberFor(2), Scg = null, ClientCins = [], AuthorizedProviderNpi = null },
        Sar(3, SarType.SpecialCareCenter, SpecialCareCenter) with { Scg = new("02", SarFrom, SarTo) },
        Sar(4, SarType.HospitalInpatientDays, Hospital, Authorized(1, ServiceCodeSystem.InpatientDays, null, 5)),
        Sar(5, SarType.Nicu, Hospital, Authorized(1, ServiceCodeSystem.InpatientDays, null, 30)) with { Scg = new("99", SarFrom, SarTo) },
        Sar(6, SarType.ProductSpecific, Pharmacy,
            new SarLineFacts(1, ServiceCodeSystem.Ndc, "65702-0100-10", LineDisposition.Authorized, 200, SarFrom, SarTo, true, ProductSpecificItem.DiabeticTestStrips),
            new SarLineFacts(2, ServiceCodeSystem.SupplyCode, "A4259", LineDisposition.CoveredByScg, null, null, null, false, ProductSpecificItem.Lancets),
            new SarLineFacts(3, ServiceCodeSystem.Cpt, null, LineDisposition.Authorized, 1, null, null, false, null),
            new SarLineFacts(4, ServiceCodeSystem.Cpt, "99214", null, null, null, null, false, null),
            new SarLineFacts(5, ServiceCodeSystem.Cpt, "99215", LineDisposition.NotAuthorized, 0, null, null, false, null)),
        Sar(7, (SarType)42, Physician) with { Status = SarStatus.Denied },
        Sar(8, SarType.Physician, Physician) with { Status = SarStatus.Modified, Lines = [null!], ClientCins = [null!] },
    ];

    internal static readonly ClaimFactsDouble Facts = ClaimScenario.Facts().With(Sars);

    private static Gen<string?> Either(params string?[] known) =>
        Gen.Frequency((3, Gen.Elements(known)), (1, ArbMap.Default.GeneratorFor<string?>()));

    private static readonly Gen<DateOnly?> Date = Gen.Frequency(
        (1, Gen.Constant<DateOnly?>(null)),
        (1, Gen.Elements<DateOnly?>(DateOnly.MinValue, DateOnly.MaxValue)),
        (6, Gen.Choose(-400, 400).Select(d => (DateOnly?)ServiceDay.AddDays(d))));

    private static readonly Gen<decimal> Units = Gen.Frequency(
        (4, Gen.Choose(-2, 40).Select(n => (decimal)n)),
        (1, Gen.Elements(decimal.MaxValue, decimal.MinValue, 0.5m, 79228162514264337593543950335m)),
        (1, ArbMap.Default.GeneratorFor<decimal>()));

    private static readonly string?[] SarNumbers = [.. Sars.Select(s => s.Number), SarNumberFor(999), "", " 1900000001", "x"];
    private static readonly string?[] Npis = [Physician, Laboratory, SpecialCareCenter, Hospital, Surgeon, Pharmacy, NotPaneled, PanelEnded, Unknown, "123", null];

    private static readonly Gen<ClaimLineToCheck?> Line =
        from number in Gen.Choose(-1, 99)
        from first in Date
        from last in Date
        from code in Either("99214", "93306", "27447", "43246", "J3398", "J1300", "A4253", "A4259", "29125", "0001F", "-", null)
        from revenue in Either("0120", "120", "0250", "12", "01000", null)
        from ndc in Either("65702-0100-10", "65702010010", "0002-8215-01", "1-2-3-4", "--", "-1-", null)
        from units in Units
        from emergency in Gen.Elements(false, false, true)
        from brand in Gen.Elements(false, false, true)
        from sar in Either(SarNumbers)
        from rendering in Either(Npis)
        from referring in Either(Npis)
        from isNull in Gen.Frequency((30, Gen.Constant(false)), (1, Gen.Constant(true)))
        select isNull ? null : new ClaimLineToCheck
        {
            LineNumber = number,
            From = first,
            To = last,
            ProcedureCode = code,
            RevenueCode = revenue,
            Ndc = ndc,
            Units = units,
            Emergency = emergency,
            BrandName = brand,
            PriorAuthorization = sar,
            RenderingNpi = rendering,
            ReferringNpi = referring,
        };

    private static readonly Gen<ClaimToCheck> Claim =
        from form in Gen.Elements(ClaimForm.Professional, ClaimForm.Institutional, ClaimForm.Pharmacy, (ClaimForm)9)
        from member in Either(CinNow, CinBefore, BicIdNow, OtherChildsCin, "91234567", null)
        from billing in Either(Npis)
        from rendering in Either(Npis)
        from referring in Either(Npis)
        from sar in Either(SarNumbers)
        from bin in Either("610442", " 610442 ", "004336", null)
        from emergency in Gen.Elements(false, false, true)
        from trauma in Gen.Elements(false, false, true)
        from lines in Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Line, n))
        select new ClaimToCheck
        {
            Form = form,
            Reference = "fuzz",
            MemberId = member,
            BillingNpi = billing,
            RenderingNpi = rendering,
            ReferringNpi = referring,
            PriorAuthorization = sar,
            Bin = bin,
            Emergency = emergency,
            Trauma = trauma,
            Lines = [.. lines],
        };

    public static Arbitrary<ClaimToCheck> Claims() => Arb.From(Claim);
}
