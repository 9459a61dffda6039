using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

/// <summary>SV2-02: a qualifier (HC for HCPCS, HP for a HIPPS rate code), the code and its modifiers.</summary>
public sealed record ProcedureSpec(string Qualifier, string Code, string[] Modifiers);

/// <summary>An 837I service line (2400), its drug (2410), and its rendering (2420C) and referring (2420D) providers.</summary>
public sealed record InstitutionalLineSpec(
    string RevenueCode,
    ProcedureSpec? Procedure,
    decimal Charge,
    string UnitBasis,
    decimal Units,
    DateRange? ServiceDate,
    DrugIdentification? Drug,
    Provider837? Rendering,
    Provider837? Referring);

/// <summary>
/// An 837I claim (2300). With <paramref name="OtherPayerAuthorization"/>, an other payer's loops follow the claim's
/// providers (2320/2330, with that REF*G1 and providers of their own) and each line's adjudication (2430): none of it
/// is the claim's. With <paramref name="UnmappedSegments"/>, segments the reader passes over are written in their TR3
/// places too (admission date, medical record number, procedure, occurrence, value and condition codes, operating
/// provider, service facility, line item control number).
/// </summary>
public sealed record InstitutionalClaimSpec(
    string PatientControlNumber,
    string FacilityType,
    string Frequency,
    string AdmissionType,
    DateRange StatementPeriod,
    string? PriorAuthorization,
    string? ReferralNumber,
    Diagnosis[] Diagnoses,
    Provider837 Attending,
    Provider837? Rendering,
    Provider837? Referring,
    string? OtherPayerAuthorization,
    bool UnmappedSegments,
    InstitutionalLineSpec[] Lines)
{
    public decimal TotalCharge => Lines.Sum(l => l.Charge);
}

/// <summary>A subscriber (2000B), the patient when that is someone else (2000C), and their claims.</summary>
public sealed record SubscriberSpec(Person837 Subscriber, Person837? Patient, InstitutionalClaimSpec[] Claims);

public sealed record BillingProviderSpec(Provider837 Provider, SubscriberSpec[] Subscribers);

public sealed record TransactionSpec(string ControlNumber, BillingProviderSpec[] Providers);

/// <summary>A claim as written, with the transaction set and the parties it was sent under.</summary>
public sealed record WrittenClaim(string TransactionControlNumber, Provider837 BillingProvider, SubscriberSpec Member, InstitutionalClaimSpec Claim);

/// <summary>One interchange of one functional group of 837I transaction sets.</summary>
public sealed record Sample837I(string InterchangeControlNumber, string GroupControlNumber, TransactionSpec[] Transactions, DelimiterSet Delimiters)
{
    public string Text => Generated837I.Write(this);

    /// <summary>Every claim, in the order written.</summary>
    public IEnumerable<WrittenClaim> Claims =>
        from transaction in Transactions
        from provider in transaction.Providers
        from member in provider.Subscribers
        from claim in member.Claims
        select new WrittenClaim(transaction.ControlNumber, provider.Provider, member, claim);

    public override string ToString() => Text;
}
