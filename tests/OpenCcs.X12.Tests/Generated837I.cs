using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using OpenCcs.X12.Claims;
using static OpenCcs.X12.Tests.GeneratedX12;

namespace OpenCcs.X12.Tests;

/// <summary>Writes 837I (005010X223A2) files from specs and supplies FsCheck generators for them.</summary>
public static class Generated837I
{
    public static string Write(Sample837I sample) => sample.Delimiters.Into(X12Text.Interchange(
        X12Text.Institutional, sample.InterchangeControlNumber, sample.GroupControlNumber,
        [.. sample.Transactions.Select(t => (t.ControlNumber, Body(t)))]));

    private static string[] Body(TransactionSpec transaction)
    {
        var body = new TransactionBody();
        foreach (var provider in transaction.Providers)
        {
            var billing = body.BillingProvider(provider.Provider);
            body.Add("N3", "1-HOSPITAL-WAY");
            body.Add("N4", "FRESNO", "CA", "93701");
            body.Add("REF", "EI", "123456789");
            foreach (var member in provider.Subscribers)
            {
                var subscriber = body.Subscriber(billing, member.Subscriber, patientFollows: member.Patient is not null, address: true);
                // 2010BB: the payer, which is not a member.
                body.Add("NM1", "PR", "2", "MEDI-CAL", "", "", "", "", "PI", "610442");
                if (member.Patient is { } patient)
                {
                    body.Patient(subscriber, patient, address: true);
                }

                foreach (var claim in member.Claims)
                {
                    WriteClaim(body, claim);
                }
            }
        }

        return body.Segments;
    }

    // Providers the reader does not map (2310B/2420A operating, 2310E service facility).
    private static readonly Provider837 Operating = new("72", false, "OPERATING", "SURGEON", "XX", "1111111112");
    private static readonly Provider837 ServiceFacility = new("77", true, "ANNEX", null, "XX", "2222222223");

    private static void WriteClaim(TransactionBody body, InstitutionalClaimSpec claim)
    {
        var unmapped = claim.UnmappedSegments;
        var statement = claim.StatementPeriod;
        body.Add("CLM", claim.PatientControlNumber, Money(claim.TotalCharge), "", "", TransactionBody.Composite(claim.FacilityType, "A", claim.Frequency), "", "A", "Y", "Y");
        // The TR3 sends DTP*434 as a range (RD8) even for one day.
        body.Add("DTP", "434", "RD8", $"{Date(statement.From)}-{Date(statement.To)}");
        AddIf(unmapped, body, "DTP", "435", "DT", $"{Date(statement.From)}0800");
        body.Add("CL1", claim.AdmissionType, "7", "01");
        RefIf(body, "G1", claim.PriorAuthorization);
        RefIf(body, "9F", claim.ReferralNumber);
        AddIf(unmapped, body, "REF", "EA", $"MR{claim.PatientControlNumber}");
        // One HI per qualifier (ABK, ABJ, APR, ABN, ABF), at most 12 composites each.
        foreach (var hi in claim.Diagnoses.GroupBy(d => d.Qualifier).SelectMany(g => g.Chunk(12)))
        {
            body.Add(["HI", .. hi.Select(d => TransactionBody.Composite(d.Qualifier, d.Code))]);
        }

        if (unmapped)
        {
            body.Add("HI", TransactionBody.Composite("BBR", "0FT44ZZ", "D8", Date(statement.From)));
            body.Add("HI", TransactionBody.Composite("BH", "11", "D8", Date(statement.From)));
            body.Add("HI", TransactionBody.Composite("BE", "80", "", "", "3"));
            body.Add("HI", TransactionBody.Composite("BG", "01"), TransactionBody.Composite("BG", "17"));
        }

        body.Name(claim.Attending);
        body.Add("PRV", "AT", "PXC", "208000000X");
        NameIf(body, unmapped ? Operating : null);
        NameIf(body, claim.Rendering);
        NameIf(body, unmapped ? ServiceFacility : null);
        NameIf(body, claim.Referring);
        if (claim.OtherPayerAuthorization is { } otherAuthorization)
        {
            body.Add("SBR", "S", "18", "", "", "", "", "", "", "CI");
            body.Add("OI", "", "", "Y", "", "", "Y");
            body.Add("NM1", "IL", "1", "OTHER", "MEMBER", "", "", "", "MI", "OTHER1");
            body.Add("NM1", "PR", "2", "OTHERPAYER", "", "", "", "", "PI", "99999");
            body.Add("REF", "G1", otherAuthorization);
            foreach (var entity in new[] { "71", "82", "DN" })
            {
                body.Add("NM1", entity, "1");
                body.Add("REF", "G2", $"OTHER{entity}");
            }
        }

        for (var i = 0; i < claim.Lines.Length; i++)
        {
            WriteLine(body, claim, i + 1, claim.Lines[i]);
        }
    }

    private static void WriteLine(TransactionBody body, InstitutionalClaimSpec claim, int number, InstitutionalLineSpec line)
    {
        body.Add("LX", Number(number));
        var procedure = line.Procedure is { } p ? TransactionBody.Composite([p.Qualifier, p.Code, .. p.Modifiers]) : "";
        body.Add("SV2", line.RevenueCode, procedure, Money(line.Charge), line.UnitBasis, Number(line.Units));
        if (line.ServiceDate is { } date)
        {
            var (format, dates) = Period(date.From, date.To);
            body.Add("DTP", "472", format, dates);
        }

        AddIf(claim.UnmappedSegments, body, "REF", "6R", $"L{number}");
        if (line.Drug is { } drug)
        {
            body.Add("LIN", "", drug.Qualifier, drug.Code);
            body.Add("CTP", "", "", "", Number(drug.Quantity!.Value), drug.UnitCode!);
        }

        NameIf(body, claim.UnmappedSegments ? Operating : null);
        NameIf(body, line.Rendering);
        NameIf(body, line.Referring);
        if (claim.OtherPayerAuthorization is not null)
        {
            body.Add("SVD", "99999", Money(line.Charge), procedure, line.RevenueCode, Number(line.Units));
            body.Add("CAS", "CO", "45", "0");
            body.Add("DTP", "573", "D8", Date(claim.StatementPeriod.To));
        }
    }

    private static void AddIf(bool condition, TransactionBody body, params string[] elements)
    {
        if (condition)
        {
            body.Add(elements);
        }
    }

    private static void RefIf(TransactionBody body, string qualifier, string? value)
    {
        if (value is not null)
        {
            body.Add("REF", qualifier, value);
        }
    }

    private static void NameIf(TransactionBody body, Provider837? provider)
    {
        if (provider is not null)
        {
            body.Name(provider);
        }
    }

    private static readonly Gen<string> Name = Chars(Upper, 1, 15);

    private static Gen<Provider837> Person(string entity) =>
        from last in Name
        from first in Optional(Name)
        from npi in Npi
        select new Provider837(entity, false, last, first, "XX", npi);

    private static readonly Gen<Provider837> Hospital =
        from name in Chars(Upper + Digits, 1, 30)
        from npi in Npi
        select new Provider837("85", true, name, null, "XX", npi);

    // The child is the subscriber and is identified by the CIN.
    private static readonly Gen<Person837> SubscriberPerson =
        from last in Name
        from first in Name
        from cin in Cin
        from birth in Day
        from gender in Gen.Elements("F", "M", "U")
        select new Person837(last, first, "MI", cin, birth, gender);

    // 5010 sends no id for a patient who is not the subscriber (2010CA).
    private static readonly Gen<Person837> PatientPerson = SubscriberPerson.Select(p => p with { IdQualifier = null, MemberId = null });

    private static readonly Gen<DateRange> StatementPeriod =
        from start in Day
        from length in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 30)))
        select new DateRange(start, start.AddDays(length));

    private static Gen<DateRange> Within(DateRange period) =>
        from a in Gen.Choose(0, period.To.DayNumber - period.From.DayNumber)
        from b in Gen.Choose(0, period.To.DayNumber - period.From.DayNumber)
        from range in Gen.Elements(false, false, true)
        select new DateRange(period.From.AddDays(Math.Min(a, b)), period.From.AddDays(range ? Math.Max(a, b) : Math.Min(a, b)));

    // Four digits with a leading zero; 068x is trauma response.
    private static readonly Gen<string> RevenueCode = Gen.Frequency(
        (5, Chars(Digits, 3, 3).Select(d => $"0{d}")),
        (1, Gen.Choose(0, 9).Select(d => $"068{d}")));

    private static readonly Gen<ProcedureSpec> Procedure = Gen.Frequency(
        (4, from code in ProcedureCode from modifiers in Modifiers select new ProcedureSpec("HC", code, modifiers)),
        (1, Chars(Upper + Digits, 5, 5).Select(code => new ProcedureSpec("HP", code, []))));

    // Whole numbers, and amounts with two decimals written as sent ("1.50").
    private static readonly Gen<decimal> Units = Gen.Frequency(
        (3, Gen.Choose(1, 999).Select(n => (decimal)n)),
        (1, Gen.Choose(1, 99_999).Select(n => n / 100m)));

    private static readonly Gen<DrugIdentification> Drug =
        from ndc in Ndc
        from tenths in Gen.Choose(1, 50_000)
        from unit in Gen.Elements("UN", "ML", "GR", "F2", "ME")
        select new DrugIdentification("N4", ndc, tenths / 10m, unit);

    private static Gen<InstitutionalLineSpec> Line(DateRange statement) =>
        from revenue in RevenueCode
        from procedure in Optional(Procedure)
        from charge in Charge
        from unitBasis in Gen.Elements("UN", "DA")
        from units in Units
        from dated in Gen.Elements(true, false)
        from date in Within(statement)
        from drug in Optional(Drug)
        from rendering in Optional(Person("82"))
        from referring in Optional(Person("DN"))
        select new InstitutionalLineSpec(revenue, procedure, charge, unitBasis, units, dated ? date : null, drug, rendering, referring);

    private static Gen<Diagnosis[]> Coded(string qualifier, int most) =>
        Gen.Choose(0, most).SelectMany(n => Gen.ArrayOf(Icd10.Select(code => new Diagnosis(qualifier, code)), n));

    // The TR3's order: principal (ABK), admitting (ABJ), patient's reasons for visit (APR), external causes (ABN), other (ABF).
    private static readonly Gen<Diagnosis[]> Diagnoses =
        from principal in Icd10
        from admitting in Coded("ABJ", 1)
        from reasons in Coded("APR", 3)
        from causes in Coded("ABN", 3)
        from others in Coded("ABF", 16)
        select (Diagnosis[])[new("ABK", principal), .. admitting, .. reasons, .. causes, .. others];

    private static readonly Gen<InstitutionalClaimSpec> Claim =
        from pcn in Chars(Upper + Digits, 1, 20)
        from facility in Gen.Elements("11", "13", "14", "18", "21", "32", "71", "73", "83", "85")
        from frequency in Gen.Elements("1", "7", "8")
        from admission in Gen.Elements("1", "2", "3", "4", "5", "9")
        from statement in StatementPeriod
        from authorization in Optional(SarNumber)
        from referral in Optional(Chars(Upper + Digits, 1, 15))
        from diagnoses in Diagnoses
        from attending in Person("71")
        from rendering in Optional(Person("82"))
        from referring in Optional(Person("DN"))
        from otherPayer in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, SarNumber.Select(s => (string?)s)))
        from unmapped in Gen.Elements(true, false)
        from lines in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Line(statement), n))
        select new InstitutionalClaimSpec(
            pcn, facility, frequency, admission, statement, authorization, referral, diagnoses, attending, rendering, referring, otherPayer, unmapped, lines);

    private static readonly Gen<SubscriberSpec> Member =
        from subscriber in SubscriberPerson
        from patient in Gen.Frequency((3, Gen.Constant<Person837?>(null)), (1, PatientPerson.Select(p => (Person837?)p)))
        from claims in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Claim, n))
        select new SubscriberSpec(subscriber, patient, claims);

    private static readonly Gen<BillingProviderSpec[]> Providers =
        Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(
            from hospital in Hospital
            from subscribers in Gen.Choose(1, 2).SelectMany(m => Gen.ArrayOf(Member, m))
            select new BillingProviderSpec(hospital, subscribers), n));

    public static readonly Gen<Sample837I> Sample =
        from interchange in Chars(Digits, 9, 9)
        from groupControl in Gen.Choose(1, 999_999_999)
        from firstTransaction in Gen.Choose(1, 9_000)
        from transactions in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Providers, n))
        from delimiters in Delimiters
        select new Sample837I(
            interchange,
            groupControl.ToString(CultureInfo.InvariantCulture),
            [.. transactions.Select((providers, i) => new TransactionSpec((firstTransaction + i).ToString("D4", CultureInfo.InvariantCulture), providers))],
            delimiters);

    /// <summary>FsCheck registration: <c>[Property(Arbitrary = [typeof(Generated837I)])]</c>.</summary>
    public static Arbitrary<Sample837I> Samples() => Arb.From(Sample);

    public static Arbitrary<Corrupted837> Corruptions() => Arb.From(GeneratedX12.Corruptions(Sample.Select(s => (s.Text, s.Delimiters.Terminator))));
}
