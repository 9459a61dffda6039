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
/// The audit of a batch claim check is written while the next batch loads, so these tests hold it back or make it fail
/// and watch what the report is given: nothing read is shown before its read is stored.
/// </summary>
public sealed class ClaimFileCheckAuditTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("openccs-claims-audit-");

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
}
