using System.Collections.Concurrent;
using System.Data.Common;
using OpenCcs.Cli.Commands.Claims;
using OpenCcs.Cli.Tests.Support;
using OpenCcs.Core.Claims;
using OpenCcs.Data;
using OpenCcs.Data.Claims;
using OpenCcs.Data.Reference;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Commands;

/// <summary>
/// A batch claim check's stages, watched through what the report is given. The audit is written while the next batch
/// loads, so some tests hold it back or make it fail: nothing read is shown before its read is stored. Another makes
/// the file fail part-way: what was read is reported and the file is named unreadable, not a crash.
/// </summary>
public sealed class ClaimFileCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("openccs-claims-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory, OnBothDatabases]
    public async Task A_claims_result_is_written_only_after_the_audit_of_the_sars_it_read_has_completed(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var audited = new ConcurrentDictionary<Guid, bool>();
        var report = new RecordingReport();
        await using var connection = Connect(database);
        var check = new ClaimFileCheck(Checker(), ClaimFactsLoader.ForConnection(connection, Provider(database)), report, new ClaimTotals())
        {
            // A slow audit: were results not held back for it, they would reach the report first.
            AuditReads = async (sars, ct) =>
            {
                await Task.Delay(300, ct);
                foreach (var sar in sars) audited[sar.SarId] = true;
            },
            ChunkSize = 1,
        };
        report.OnWrite = claim =>
        {
            var number = claim.Claim.PriorAuthorization;
            var id = number == scenario.ApprovedNumber ? scenario.Approved.Id : number == scenario.InReviewNumber ? scenario.InReview.Id : (Guid?)null;
            if (id is { } read) Assert.True(audited.ContainsKey(read), $"{claim.Claim.Reference} was written before SAR {number} was audited");
        };

        var error = await check.CheckAsync(Write(scenario.Professional837()), CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(new string?[] { "C1", "C2", "C3", "C4", "C5", "C6" }, report.Written);
        Assert.Equal(new[] { scenario.Approved.Id, scenario.InReview.Id }.Order(), audited.Keys.Order());
        Assert.Empty(report.Failures);
    }

    [Theory, OnBothDatabases]
    public async Task An_audit_that_fails_ends_the_run_with_its_error_and_nothing_it_covered_is_written(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var report = new RecordingReport();
        await using var connection = Connect(database);
        var check = new ClaimFileCheck(Checker(), ClaimFactsLoader.ForConnection(connection, Provider(database)), report, new ClaimTotals())
        {
            AuditReads = (_, _) => Task.FromException(new InvalidOperationException("the audit table is not writable")),
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => check.CheckAsync(Write(scenario.Professional837()), CancellationToken.None));

        Assert.Equal("the audit table is not writable", failure.Message);
        Assert.Empty(report.Written);
    }

    [Theory, OnBothDatabases]
    public async Task A_file_whose_read_fails_part_way_reports_the_claims_before_it_and_is_named_unreadable(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var report = new RecordingReport();
        await using var connection = Connect(database);
        var check = new ClaimFileCheck(Checker(), ClaimFactsLoader.ForConnection(connection, Provider(database)), report, new ClaimTotals())
        {
            ChunkSize = 1,
        };
        var text = scenario.Professional837();
        // The disk fails where the fourth claim begins: the first two are whole; the third may not have ended yet.
        var failsAt = text.IndexOf("CLM*C4", StringComparison.Ordinal);
        await using var source = new FailingStream(System.Text.Encoding.ASCII.GetBytes(text), failsAt);

        var error = await check.CheckAsync("claims.837", source, CancellationToken.None);

        Assert.Equal("the file could not be read to the end: Input/output error", error);
        Assert.Equal(["C1", "C2"], report.Written.Take(2));
        Assert.DoesNotContain("C4", report.Written);
        Assert.True(source.Disposed);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_folder.FullName, "claims.837");
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<ClaimChecker> Checker() => Task.FromResult(new ClaimChecker(ServiceCodeGroupTableLoader.Load()));

    private static DatabaseProvider Provider(CliDatabase database) =>
        database.Provider == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    private static DbConnection Connect(CliDatabase database) =>
        database.Provider == TestDatabase.Postgres
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);

    // Keeps the references of the claims written, in order; an assertion failing inside Write is kept for the test.
    private sealed class RecordingReport() : ClaimReport(TextWriter.Null)
    {
        public List<string?> Written { get; } = [];

        public List<Exception> Failures { get; } = [];

        public Action<CheckedClaim> OnWrite { get; set; } = _ => { };

        public override void Write(string path, in CheckedClaim claim)
        {
            try
            {
                OnWrite(claim);
            }
            catch (Exception e)
            {
                Failures.Add(e);
            }

            Written.Add(claim.Claim.Reference);
        }
    }

    // Gives the bytes up to a point, a few at a time, then fails as a disk does (EIO).
    private sealed class FailingStream(byte[] bytes, int failsAt) : MemoryStream(bytes, writable: false)
    {
        public bool Disposed { get; private set; }

        // A derived MemoryStream's Read(Span) comes here.
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failsAt) throw new IOException("Input/output error");
            return base.Read(buffer, offset, Math.Min(count, Math.Min(64, failsAt - (int)Position)));
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
