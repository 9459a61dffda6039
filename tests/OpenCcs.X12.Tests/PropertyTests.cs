using System.Text;
using FsCheck.Xunit;
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
    public void Corrupted_837_never_throws_anything_but_X12Exception(Corrupted837 damaged)
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

    [Property(Arbitrary = [typeof(Generated837)], MaxTest = 100)]
    public void Generated_837P_reads_the_same_through_a_byte_stream(Sample837 sample)
    {
        using var fromText = new Claim837Reader(new StringReader(sample.Text));
        using var fromBytes = new Claim837Reader(new MemoryStream(Encoding.ASCII.GetBytes(sample.Text)));

        var a = fromText.ReadClaims().Select(c => (c.PatientControlNumber, c.SegmentNumber, c.Lines.Count)).ToList();
        var b = fromBytes.ReadClaims().Select(c => (c.PatientControlNumber, c.SegmentNumber, c.Lines.Count)).ToList();

        Assert.Equal(a, b);
    }
}
