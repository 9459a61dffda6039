using FsCheck;
using FsCheck.Fluent;
using OpenCcs.X12.Claims;
using static OpenCcs.X12.Tests.GeneratedX12;

namespace OpenCcs.X12.Tests;

public sealed record LineSpec(
    string Code,
    string[] Modifiers,
    decimal Charge,
    string UnitBasis,
    int Units,
    DateOnly From,
    DateOnly To,
    string? PriorAuthorization,
    bool Emergency,
    string? Ndc,
    int? NdcQuantity);

public sealed record ClaimSpec(
    string PatientControlNumber,
    string BillingNpi,
    string MemberId,
    string PlaceOfService,
    string? PriorAuthorization,
    string? ReferringNpi,
    string[] Diagnoses,
    LineSpec[] Lines)
{
    public decimal TotalCharge => Lines.Sum(l => l.Charge);
}

public sealed record Sample837(ClaimSpec[] Claims, DelimiterSet Delimiters)
{
    public string Text => Generated837.Write(this);

    public override string ToString() => Text;
}

/// <summary>Writes 837P files from specs and supplies FsCheck generators for them.</summary>
public static class Generated837
{
    public static string Write(Sample837 sample)
    {
        var body = new TransactionBody();
        foreach (var claim in sample.Claims)
        {
            var billing = body.BillingProvider(new Provider837("85", true, "CLINIC", null, "XX", claim.BillingNpi));
            body.Subscriber(billing, new Person837("MEMBER", "PAT", "MI", claim.MemberId));
            body.Add("CLM", claim.PatientControlNumber, Money(claim.TotalCharge), "", "", TransactionBody.Composite(claim.PlaceOfService, "B", "1"), "Y", "A", "Y", "Y");
            if (claim.PriorAuthorization is { } auth)
            {
                body.Add("REF", "G1", auth);
            }

            body.Add(["HI", .. claim.Diagnoses.Select((code, i) => TransactionBody.Composite(i == 0 ? "ABK" : "ABF", code))]);
            if (claim.ReferringNpi is { } referring)
            {
                body.Name(new Provider837("DN", false, "REFERRER", "DOC", "XX", referring));
            }

            for (var i = 0; i < claim.Lines.Length; i++)
            {
                var line = claim.Lines[i];
                body.Add("LX", Number(i + 1));
                body.Add("SV1", TransactionBody.Composite(["HC", line.Code, .. line.Modifiers]), Money(line.Charge), line.UnitBasis,
                    Number(line.Units), "", "", "1", "", line.Emergency ? "Y" : "");
                var (format, dates) = Period(line.From, line.To);
                body.Add("DTP", "472", format, dates);
                if (line.PriorAuthorization is { } lineAuth)
                {
                    body.Add("REF", "G1", lineAuth);
                }

                if (line.Ndc is { } ndc)
                {
                    body.Add("LIN", "", "N4", ndc);
                    body.Add("CTP", "", "", "", Number(line.NdcQuantity!.Value), "UN");
                }
            }
        }

        return sample.Delimiters.Into(X12Text.Interchange(X12Text.Professional, "000000042", "7", [("0001", body.Segments)]));
    }

    private static readonly Gen<LineSpec> Line =
        from code in ProcedureCode
        from modifiers in Modifiers
        from charge in Charge
        from unitBasis in Gen.Elements("UN", "MJ")
        from units in Gen.Choose(1, 999)
        from start in Day
        from length in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 30)))
        from auth in Optional(SarNumber)
        from emergency in Gen.Elements(false, false, true)
        from ndc in Optional(Ndc)
        from quantity in Gen.Choose(1, 500)
        select new LineSpec(code, modifiers, charge, unitBasis, units, start, start.AddDays(length), auth, emergency, ndc, ndc is null ? null : quantity);

    private static readonly Gen<ClaimSpec> Claim =
        from pcn in Chars(Upper + Digits, 1, 20)
        from billing in Npi
        from member in MemberId
        from pos in Gen.Elements("11", "12", "19", "21", "22", "23", "49")
        from auth in Optional(SarNumber)
        from referring in Optional(Npi)
        from diagnoses in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Icd10, n))
        from lines in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Line, n))
        select new ClaimSpec(pcn, billing, member, pos, auth, referring, diagnoses, lines);

    public static readonly Gen<Sample837> Sample =
        from count in Gen.Choose(1, 5)
        from claims in Gen.ArrayOf(Claim, count)
        from delimiters in Delimiters
        select new Sample837(claims, delimiters);

    /// <summary>FsCheck registration: <c>[Property(Arbitrary = [typeof(Generated837)])]</c>.</summary>
    public static Arbitrary<Sample837> Samples() => Arb.From(Sample);

    public static Arbitrary<Corrupted837> Corruptions() => Arb.From(GeneratedX12.Corruptions(Sample.Select(s => (s.Text, s.Delimiters.Terminator))));
}
