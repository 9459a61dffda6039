using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Referrals;

public enum ReferralStatus
{
    Received,
    Accepted,
    Declined,
}

public enum ReferrerKind
{
    Family,
    Physician,
    Hospital,
    School,
    Other,
}

/// <summary>
/// A referral to the county CCS office, from anyone (DOMAIN.md §4.1). CCS authorizes back only to the
/// referral date, so <see cref="ReceivedAt"/> is a legal date and never changes.
/// </summary>
public sealed class Referral : AggregateRoot
{
    private Referral() { }

    public Guid ChildId { get; private set; }

    public CountyCode County { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public ReferrerKind ReferrerKind { get; private set; }

    public string ReferrerName { get; private set; } = "";

    public Guid? ReferringProviderId { get; private set; }

    public string SuspectedCondition { get; private set; } = "";

    /// <summary>ICD-10-CM code when a diagnosis has been documented.</summary>
    public string? DiagnosisCode { get; private set; }

    public ReferralStatus Status { get; private set; }

    public Guid? CaseId { get; private set; }

    public string? DeclineReason { get; private set; }

    public static Referral Receive(
        Guid childId, CountyCode county, ReferrerKind referrerKind, string referrerName, Guid? referringProviderId,
        string suspectedCondition, string? diagnosisCode, DateTime receivedAtUtc)
    {
        if (county.IsEmpty) throw new DomainRuleException("referral.county-required", "A referral goes to a county CCS office; choose the county.");
        if (string.IsNullOrWhiteSpace(referrerName)) throw new DomainRuleException("referral.referrer-required", "Say who is making the referral.");
        if (string.IsNullOrWhiteSpace(suspectedCondition))
            throw new DomainRuleException("referral.condition-required", "Describe the condition CCS should look at.");
        var referral = new Referral
        {
            ChildId = childId,
            County = county,
            ReceivedAt = Utc.Require(receivedAtUtc),
            ReferrerKind = referrerKind,
            ReferrerName = referrerName.Trim(),
            ReferringProviderId = referringProviderId,
            SuspectedCondition = suspectedCondition.Trim(),
            DiagnosisCode = string.IsNullOrWhiteSpace(diagnosisCode) ? null : diagnosisCode.Trim().ToUpperInvariant(),
            Status = ReferralStatus.Received,
        };
        referral.Created(receivedAtUtc);
        return referral;
    }

    public void Accept(Guid caseId, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (Status != ReferralStatus.Received)
            throw new DomainRuleException("referral.not-open", $"Only a received referral can be accepted; this one is {Status.ToString().ToLowerInvariant()}.");
        Status = ReferralStatus.Accepted;
        CaseId = caseId;
        Touch(utcNow);
    }

    public void Decline(string reason, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (Status != ReferralStatus.Received)
            throw new DomainRuleException("referral.not-open", $"Only a received referral can be declined; this one is {Status.ToString().ToLowerInvariant()}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("referral.decline-reason-required", "A declined referral needs a reason.");
        Status = ReferralStatus.Declined;
        DeclineReason = reason.Trim();
        Touch(utcNow);
    }
}
