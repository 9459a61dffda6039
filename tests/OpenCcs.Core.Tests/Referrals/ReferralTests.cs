using OpenCcs.Core.Counties;
using OpenCcs.Core.Referrals;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Referrals;

public class ReferralTests
{
    private static readonly Guid ChildId = Guid.NewGuid();
    private static readonly CountyCode Kern = CountyCode.From(15);

    private static Referral Receive(string referrerName = "Dr. Grace Kim", string condition = "Suspected congenital heart defect", string? diagnosis = null) =>
        Referral.Receive(ChildId, Kern, ReferrerKind.Physician, referrerName, null, condition, diagnosis, Instants.Monday);

    [Fact]
    public void Received_referral_records_who_referred_which_child_for_what_and_when()
    {
        var providerId = Guid.NewGuid();

        var referral = Referral.Receive(ChildId, Kern, ReferrerKind.Hospital, " Valley Children's ", providerId,
            " Suspected cystic fibrosis ", " e84.0 ", Instants.Monday);

        Assert.Equal(ReferralStatus.Received, referral.Status);
        Assert.Equal(ChildId, referral.ChildId);
        Assert.Equal(Kern, referral.County);
        Assert.Equal(ReferrerKind.Hospital, referral.ReferrerKind);
        Assert.Equal("Valley Children's", referral.ReferrerName);
        Assert.Equal(providerId, referral.ReferringProviderId);
        Assert.Equal("Suspected cystic fibrosis", referral.SuspectedCondition);
        Assert.Equal("E84.0", referral.DiagnosisCode);
        Assert.Equal(Instants.Monday, referral.ReceivedAt);
        Assert.Equal(Instants.Monday, referral.CreatedAt);
        Assert.Null(referral.CaseId);
        Assert.Null(referral.DeclineReason);
    }

    [Fact]
    public void Referral_without_a_documented_diagnosis_has_no_diagnosis_code()
    {
        Assert.Null(Receive(diagnosis: "  ").DiagnosisCode);
    }

    [Fact]
    public void Referral_must_say_who_is_referring()
    {
        var error = Rules.Refused("referral.referrer-required", () => Receive(referrerName: " "));

        Assert.Contains("who is making the referral", error.Message);
    }

    [Fact]
    public void Referral_must_describe_the_suspected_condition()
    {
        var error = Rules.Refused("referral.condition-required", () => Receive(condition: ""));

        Assert.Contains("condition", error.Message);
    }

    [Fact]
    public void Referral_receipt_time_must_be_utc()
    {
        var unspecified = DateTime.SpecifyKind(Instants.Monday, DateTimeKind.Unspecified);

        Assert.Throws<ArgumentException>(() =>
            Referral.Receive(ChildId, Kern, ReferrerKind.Family, "Ana Lopez", null, "Cleft palate", null, unspecified));
    }

    [Fact]
    public void Accepted_referral_names_the_case_opened_for_it()
    {
        var referral = Receive();
        var caseId = Guid.NewGuid();

        referral.Accept(caseId, Instants.Later(60));

        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Equal(caseId, referral.CaseId);
        Assert.Equal(Instants.Monday, referral.ReceivedAt);
    }

    [Fact]
    public void Declined_referral_keeps_its_reason()
    {
        var referral = Receive();

        referral.Decline(" Condition is not CCS-eligible ", Instants.Later(60));

        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Equal("Condition is not CCS-eligible", referral.DeclineReason);
        Assert.Null(referral.CaseId);
    }

    [Fact]
    public void Declining_a_referral_needs_a_reason()
    {
        var referral = Receive();

        var error = Rules.Refused("referral.decline-reason-required", () => referral.Decline(" ", Instants.Later(60)));

        Assert.Contains("needs a reason", error.Message);
        Assert.Equal(ReferralStatus.Received, referral.Status);
    }

    [Fact]
    public void Referral_cannot_be_accepted_twice()
    {
        var referral = Receive();
        var firstCase = Guid.NewGuid();
        referral.Accept(firstCase, Instants.Later(60));

        var error = Rules.Refused("referral.not-open", () => referral.Accept(Guid.NewGuid(), Instants.Later(61)));

        Assert.Contains("this one is accepted", error.Message);
        Assert.Equal(firstCase, referral.CaseId);
    }

    [Fact]
    public void Accepted_referral_cannot_be_declined()
    {
        var referral = Receive();
        referral.Accept(Guid.NewGuid(), Instants.Later(60));

        var error = Rules.Refused("referral.not-open", () => referral.Decline("Changed our mind", Instants.Later(61)));

        Assert.Contains("Only a received referral can be declined; this one is accepted", error.Message);
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Null(referral.DeclineReason);
    }

    [Fact]
    public void Declined_referral_cannot_be_accepted()
    {
        var referral = Receive();
        referral.Decline("Family moved out of state", Instants.Later(60));

        var error = Rules.Refused("referral.not-open", () => referral.Accept(Guid.NewGuid(), Instants.Later(61)));

        Assert.Contains("this one is declined", error.Message);
        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Null(referral.CaseId);
    }
}
