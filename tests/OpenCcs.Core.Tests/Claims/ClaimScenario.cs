using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Tests.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>
/// A child, the providers who treat her and her SARs, for claim rule tests. Each test starts from a claim
/// that pays and changes one thing, so the rule it names is the only reason for a finding.
/// </summary>
internal static class ClaimScenario
{
    public static readonly ClaimChecker Checker = new(ReferenceTables.Scg);

    public const string CinNow = "91234567A";
    public const string CinBefore = "97654321B";
    public const string OtherChildsCin = "95555555C";

    /// <summary>The BIC ID of <see cref="CinNow"/>: the CIN, a check digit and the Julian issue date 6045.</summary>
    public const string BicIdNow = CinNow + "3" + "6045";

    public static readonly DateOnly CinChanged = Instants.Day("2026-01-01");
    public static readonly DateOnly ServiceDay = Instants.Day("2026-03-09");
    public static readonly DateOnly SarFrom = Instants.Day("2026-02-01");
    public static readonly DateOnly SarTo = Instants.Day("2026-07-31");

    public static readonly string Physician = Npi.FromFirstNine("100000001").Value;
    public static readonly string Laboratory = Npi.FromFirstNine("100000002").Value;
    public static readonly string SpecialCareCenter = Npi.FromFirstNine("100000003").Value;
    public static readonly string Hospital = Npi.FromFirstNine("100000004").Value;
    public static readonly string Surgeon = Npi.FromFirstNine("100000005").Value;
    public static readonly string Pharmacy = Npi.FromFirstNine("100000006").Value;
    public static readonly string NotPaneled = Npi.FromFirstNine("100000007").Value;
    public static readonly string PanelEnded = Npi.FromFirstNine("100000008").Value;
    public static readonly string UnapprovedHospital = Npi.FromFirstNine("100000009").Value;
    public static readonly string Unknown = Npi.FromFirstNine("100000010").Value;

    public static string SarNumberFor(int sequence) => SarNumber.Create(CountyCode.From(19), sequence).Value;

    public static readonly string PhysicianSarNumber = SarNumberFor(1);

    public static IReadOnlyList<CinPeriod> ChildsCins { get; } =
        [new(CinBefore, Instants.Day("2024-05-01"), CinChanged.AddDays(-1)), new(CinNow, CinChanged, null)];

    public static SarLineFacts Authorized(int line, ServiceCodeSystem system, string? code, int units, DateOnly? from = null, DateOnly? to = null) =>
        new(line, system, code, LineDisposition.Authorized, units, from ?? SarFrom, to ?? SarTo, BrandName: false, Product: null);

    /// <summary>An approved physician SAR: SCG 01 and two echocardiograms (CPT 93306) authorised on line 1.</summary>
    public static SarFacts PhysicianSar { get; } = new(
        PhysicianSarNumber, SarStatus.Approved, SarType.Physician, ChildsCins, Physician, null,
        new ScgGrant("01", SarFrom, SarTo),
        [Authorized(1, ServiceCodeSystem.Cpt, "93306", 2)]);

    public static SarFacts Sar(int sequence, SarType type, string provider, params SarLineFacts[] lines) =>
        new(SarNumberFor(sequence), SarStatus.Approved, type, ChildsCins, provider, null, null, lines);

    private static ProviderFacts Paneled(string npi, string name, ProviderType type) =>
        new(npi, name, type, [new PanelPeriod(Instants.Day("2020-01-01"), null)]);

    public static ClaimFactsDouble Facts() => new ClaimFactsDouble()
        .With(PhysicianSar)
        .With(
            Paneled(Physician, "Dr. Ana Ruiz", ProviderType.Physician),
            Paneled(Laboratory, "Valley Lab", ProviderType.Laboratory),
            Paneled(SpecialCareCenter, "Cardiac Special Care Center", ProviderType.SpecialCareCenter),
            Paneled(Hospital, "Valley Children's Hospital", ProviderType.Hospital),
            Paneled(Surgeon, "Dr. Sam Cole", ProviderType.Physician),
            Paneled(Pharmacy, "Main Street Pharmacy", ProviderType.Pharmacy),
            new ProviderFacts(NotPaneled, "Dr. Lee Park", ProviderType.Physician, []),
            new ProviderFacts(PanelEnded, "Dr. Jo Kim", ProviderType.Physician, [new PanelPeriod(Instants.Day("2020-01-01"), Instants.Day("2026-02-28"))]),
            new ProviderFacts(UnapprovedHospital, "Seaside Hospital", ProviderType.Hospital, []));

    public static ClaimLineToCheck Line(string? code = "99214", int number = 1, decimal units = 1, DateOnly? on = null) =>
        new() { LineNumber = number, From = on ?? ServiceDay, ProcedureCode = code, Units = units };

    /// <summary>A CMS-1500 from the authorised physician for an office visit (inside SCG 01) on the physician SAR: it pays.</summary>
    public static ClaimToCheck OfficeVisit(params ClaimLineToCheck[] lines) => new()
    {
        Form = ClaimForm.Professional,
        Reference = "PCN-1",
        MemberId = CinNow,
        BillingNpi = Physician,
        PriorAuthorization = PhysicianSarNumber,
        Lines = lines.Length == 0 ? [Line()] : lines,
    };

    public static ClaimCheckResult Check(ClaimToCheck claim, ClaimFactsDouble? facts = null, SarUsage? usage = null) =>
        Checker.Check(claim, facts ?? Facts(), usage ?? new SarUsage());
}

/// <summary>Assertions on what a provider sees: which rules failed, with which code, and that the fix names a field.</summary>
internal static class Verdict
{
    public static void Pays(ClaimCheckResult result)
    {
        Assert.All(result.Lines, line => Assert.Empty(line.Findings));
        Assert.True(result.Pays);
    }

    /// <summary>Asserts the line's findings are exactly these rules, in this order, and returns them.</summary>
    public static IReadOnlyList<ClaimFinding> Denied(ClaimCheckResult result, params string[] rules) => DeniedLine(result, 0, rules);

    public static IReadOnlyList<ClaimFinding> DeniedLine(ClaimCheckResult result, int index, params string[] rules)
    {
        var line = result.Lines[index];
        Assert.False(line.Pays);
        Assert.False(result.Pays);
        Assert.Equal(rules, line.Findings.Select(f => f.RuleId));
        foreach (var finding in line.Findings)
        {
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
            Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
            Assert.Equal(ClaimRules.Find(finding.RuleId)?.Code, finding.Code);
        }
        return line.Findings;
    }

    /// <summary>The one finding of the first line, which must be for <paramref name="rule"/>.</summary>
    public static ClaimFinding Only(ClaimCheckResult result, string rule) => Denied(result, rule)[0];
}
