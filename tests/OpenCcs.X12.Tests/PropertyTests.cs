using System.Text;
using FsCheck.Xunit;
using OpenCcs.Core.Claims;
using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

public sealed class PropertyTests
{
    [Property(Arbitrary = [typeof(Generated837)], MaxTest = 300)]
    public void Generated_837P_reads_back_to_the_same_claims(Sample837 sample)
    {
        var batch = X12Text.Read(sample.Text);

        Assert.Empty(batch.Issues);
        Assert.Equal(sample.Claims.Length, batch.Claims.Count);
        foreach (var (expected, actual) in sample.Claims.Zip(batch.Claims))
        {
            Assert.Empty(actual.Problems);
            Assert.Equal(ClaimKind.Professional, actual.Kind);
            Assert.Equal(expected.PatientControlNumber, actual.PatientControlNumber);
            Assert.Equal(expected.TotalCharge, actual.TotalCharge);
            Assert.Equal(expected.PlaceOfService, actual.FacilityCode);
            Assert.Equal(expected.BillingNpi, actual.BillingProvider?.Npi);
            Assert.Equal(expected.MemberId, actual.Subscriber?.MemberId);
            Assert.Equal(expected.PriorAuthorization, actual.PriorAuthorization);
            Assert.Equal(expected.ReferringNpi, actual.ReferringProvider?.Npi);
            Assert.Equal(expected.Diagnoses, actual.Diagnoses.Select(d => d.Code));
            Assert.Equal(expected.Lines.Any(l => l.Emergency), actual.IsEmergency);
            Assert.Equal(expected.Lines.Length, actual.Lines.Count);
            foreach (var (line, read) in expected.Lines.Zip(actual.Lines))
            {
                Assert.Equal(line.Code, read.ProcedureCode);
                Assert.Equal(line.Modifiers, read.Modifiers);
                Assert.Equal(line.Charge, read.Charge);
                Assert.Equal(line.UnitBasis, read.UnitBasis);
                Assert.Equal(line.Units, read.Units);
                Assert.Equal(new DateRange(line.From, line.To), read.ServiceDate);
                Assert.Equal(line.Emergency, read.Emergency);
                Assert.Equal(line.PriorAuthorization ?? expected.PriorAuthorization, actual.PriorAuthorizationFor(read));
                Assert.Equal(line.Ndc, read.Drug?.Ndc);
                Assert.Equal(line.NdcQuantity, read.Drug?.Quantity);
            }
        }
    }

    [Property(Arbitrary = [typeof(Generated837)], MaxTest = 500)]
    public void Corrupted_837P_never_throws_anything_but_X12Exception(Corrupted837 damaged) => ReadsOrThrowsOnlyX12Exception(damaged);

    [Property(Arbitrary = [typeof(Generated837I)], MaxTest = 500)]
    public void Corrupted_837I_never_throws_anything_but_X12Exception(Corrupted837 damaged) => ReadsOrThrowsOnlyX12Exception(damaged);

    [Property(Arbitrary = [typeof(Generated837)], MaxTest = 100)]
    public void Generated_837P_reads_the_same_through_a_byte_stream(Sample837 sample)
    {
        using var fromText = new Claim837Reader(new StringReader(sample.Text));
        using var fromBytes = new Claim837Reader(new MemoryStream(Encoding.ASCII.GetBytes(sample.Text)));

        var a = fromText.ReadClaims().Select(c => (c.PatientControlNumber, c.SegmentNumber, c.Lines.Count)).ToList();
        var b = fromBytes.ReadClaims().Select(c => (c.PatientControlNumber, c.SegmentNumber, c.Lines.Count)).ToList();

        Assert.Equal(a, b);
    }

    [Property(Arbitrary = [typeof(Generated837I)], MaxTest = 300)]
    public void Generated_837I_reads_back_to_the_same_claims(Sample837I sample)
    {
        foreach (var (sent, actual) in ReadBack(sample))
        {
            var expected = sent.Claim;
            Assert.Equal(ClaimKind.Institutional, actual.Kind);
            Assert.Equal(X12Text.Institutional, actual.ImplementationGuide);
            Assert.Equal(sample.InterchangeControlNumber, actual.InterchangeControlNumber);
            Assert.Equal(sent.TransactionControlNumber, actual.TransactionControlNumber);
            Assert.Equal(sent.BillingProvider, actual.BillingProvider);
            Assert.Equal(sent.Member.Subscriber, actual.Subscriber);
            Assert.Equal(sent.Member.Patient, actual.Patient);
            Assert.Equal(expected.PatientControlNumber, actual.PatientControlNumber);
            Assert.Equal(expected.TotalCharge, actual.TotalCharge);
            Assert.Equal((expected.FacilityType, "A", expected.Frequency), (actual.FacilityCode, actual.FacilityCodeQualifier, actual.FrequencyCode));
            Assert.Equal(expected.AdmissionType, actual.AdmissionTypeCode);
            Assert.Equal(expected.AdmissionType == "1", actual.IsEmergency);
            Assert.Equal(expected.StatementPeriod, actual.StatementPeriod);
            Assert.Equal(expected.PriorAuthorization, actual.PriorAuthorization);
            Assert.Equal(expected.ReferralNumber, actual.ReferralNumber);
            Assert.Equal(expected.Attending, actual.AttendingProvider);
            Assert.Equal(expected.Rendering, actual.RenderingProvider);
            Assert.Equal(expected.Referring, actual.ReferringProvider);
            Assert.Equal(expected.Diagnoses, actual.Diagnoses);
            Assert.Equal(expected.Diagnoses[0], actual.PrincipalDiagnosis);
            foreach (var (line, read, number) in expected.Lines.Zip(actual.Lines, Enumerable.Range(1, expected.Lines.Length)))
            {
                Assert.Equal(number, read.LineNumber);
                Assert.Equal(line.RevenueCode, read.RevenueCode);
                Assert.Equal(line.Procedure?.Qualifier, read.ProcedureQualifier);
                Assert.Equal(line.Procedure?.Code, read.ProcedureCode);
                Assert.Equal(line.Procedure?.Modifiers ?? [], read.Modifiers);
                Assert.Equal(line.Charge, read.Charge);
                Assert.Equal(line.UnitBasis, read.UnitBasis);
                Assert.Equal(line.Units, read.Units);
                Assert.Equal(line.ServiceDate, read.ServiceDate);
                Assert.Equal(expected.PriorAuthorization, actual.PriorAuthorizationFor(read));
                Assert.Equal(line.Drug, read.Drug);
                Assert.Equal(line.Rendering, read.RenderingProvider);
                Assert.Equal(line.Referring, read.ReferringProviders.SingleOrDefault());
                // What an 837I line does not send stays empty.
                Assert.Null(read.PriorAuthorization);
                Assert.Null(read.ReferralNumber);
                Assert.Null(read.OrderingProvider);
                Assert.Null(read.PlaceOfService);
                Assert.Empty(read.DiagnosisPointers);
                Assert.False(read.Emergency);
            }
        }
    }

    [Property(Arbitrary = [typeof(Generated837I)], MaxTest = 300)]
    public void Generated_837I_line_without_DTP_472_is_checked_within_the_claims_DTP_434_statement_period(Sample837I sample)
    {
        foreach (var (sent, read) in ReadBack(sample))
        {
            foreach (var (line, check) in sent.Claim.Lines.Zip(read.ToClaimToCheck().Lines))
            {
                var dates = line.ServiceDate ?? sent.Claim.StatementPeriod;
                Assert.Equal(dates.From, check.From);
                Assert.Equal(dates.IsSingleDay ? null : dates.To, check.To);
            }
        }
    }

    [Property(Arbitrary = [typeof(Generated837I)], MaxTest = 300)]
    public void Generated_837I_reaches_the_claim_check_as_written(Sample837I sample)
    {
        foreach (var (sent, read) in ReadBack(sample))
        {
            var expected = sent.Claim;
            var check = read.ToClaimToCheck();
            Assert.Equal(ClaimForm.Institutional, check.Form);
            Assert.Equal(expected.PatientControlNumber, check.Reference);
            // 5010 sends no id for a patient who is not the subscriber: the member id is then empty, not the subscriber's.
            Assert.Equal(sent.Member.Patient is null ? sent.Member.Subscriber.MemberId : null, check.MemberId);
            Assert.Equal(sent.BillingProvider.Npi, check.BillingNpi);
            Assert.Equal(expected.Rendering?.Npi, check.RenderingNpi);
            Assert.Equal(expected.Referring?.Npi, check.ReferringNpi);
            Assert.Equal(expected.PriorAuthorization, check.PriorAuthorization);
            // The whole claim is an emergency when CL1-01 is 1; trauma care when a line bills revenue code 068x.
            Assert.Equal(expected.AdmissionType == "1", check.Emergency);
            Assert.Equal(expected.Lines.Any(l => l.RevenueCode.StartsWith("068", StringComparison.Ordinal)), check.Trauma);
            foreach (var (line, checkedLine) in expected.Lines.Zip(check.Lines))
            {
                Assert.Equal(line.RevenueCode, checkedLine.RevenueCode);
                // Only HC codes are SAR service codes; a HIPPS rate code (HP) is not.
                Assert.Equal(line.Procedure is { Qualifier: "HC" } procedure ? procedure.Code : null, checkedLine.ProcedureCode);
                Assert.Equal(line.Procedure?.Modifiers ?? [], checkedLine.Modifiers);
                Assert.Equal(line.Units, checkedLine.Units);
                Assert.Equal(line.Drug?.Ndc, checkedLine.Ndc);
                Assert.Equal(line.Rendering?.Npi, checkedLine.RenderingNpi);
                Assert.Equal(line.Referring?.Npi, checkedLine.ReferringNpi);
                Assert.Null(checkedLine.PlaceOfService);
                Assert.Null(checkedLine.PriorAuthorization);
                Assert.False(checkedLine.Emergency);
            }
        }
    }

    // Every claim written, paired with the claim read; the counts and the absence of warnings are checked here.
    private static IEnumerable<(WrittenClaim Sent, Claim837 Read)> ReadBack(Sample837I sample)
    {
        var batch = X12Text.Read(sample.Text);
        var written = sample.Claims.ToList();

        Assert.Empty(batch.Issues);
        Assert.Equal(written.Count, batch.Claims.Count);
        foreach (var (sent, read) in written.Zip(batch.Claims))
        {
            Assert.Empty(read.Problems);
            Assert.Equal(sent.Claim.Lines.Length, read.Lines.Count);
        }

        return written.Zip(batch.Claims);
    }

    private static void ReadsOrThrowsOnlyX12Exception(Corrupted837 damaged)
    {
        foreach (var handling in new[] { EnvelopeErrorHandling.Collect, EnvelopeErrorHandling.Throw })
        {
            var options = new X12ReaderOptions { EnvelopeErrors = handling };
            var run = Task.Run(() =>
            {
                try
                {
                    using var reader = new Claim837Reader(new MemoryStream(damaged.Bytes), options);
                    foreach (var claim in reader.ReadClaims())
                    {
                        // Touch computed members too: they must not throw on odd data either.
                        _ = claim.IsEmergency;
                        _ = claim.PrincipalDiagnosis;
                        _ = claim.Lines.Select(claim.PriorAuthorizationFor).ToList();
                        _ = claim.ToClaimToCheck();
                    }
                }
                catch (X12Exception error)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error.Message));
                }
            });

            Assert.True(run.Wait(TimeSpan.FromSeconds(10)), $"Reading did not finish within 10 seconds ({damaged.Damage}).");
        }
    }
}
