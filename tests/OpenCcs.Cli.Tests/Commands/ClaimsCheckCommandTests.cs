using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using OpenCcs.Cli.Commands.Claims;
using OpenCcs.Core.Identifiers;
using OpenCcs.Cli.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Commands;

public sealed class ClaimsCheckCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("openccs-claims-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory, OnBothDatabases]
    public async Task The_report_says_which_lines_pay_and_why_each_other_line_is_denied(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var file = Write("claims.837", scenario.Professional837());

        var run = await Ccs.RunAsync(["claims", "check", file, .. database.Options]);

        run.AssertSucceeded();
        var claims = TextReport.ClaimBlocks(run.Output);
        Assert.Contains($"Claim C1 (segment 13), member 91234567A, SAR {scenario.ApprovedNumber}: pays (2 lines)", claims["C1"][0]);
        Assert.Contains("Line 1 (segment 16) 99214 2026-12-03: pays", claims["C1"][1]);
        Assert.Contains("Line 2 (segment 19) 93306 2026-12-10: pays", claims["C1"][2]);
        Assert.Contains("1 of 1 line denied", claims["C2"][0]);
        Assert.Contains("claim.outside-sar-dates (CARC 197): ", claims["C2"][2]);
        Assert.StartsWith("Fix: ", claims["C2"][3].Trim());
        Assert.Contains("claim.sar-missing (CARC 15): ", claims["C3"][2]);
        Assert.Contains("claim.sar-not-approved (CARC 197): ", claims["C4"][2]);
        Assert.Contains(scenario.InReviewNumber, claims["C4"][2]);
        Assert.Contains("claim.provider-not-authorized (RARC N54): ", claims["C5"][2]);
        Assert.Contains("pays (1 line)", claims["C6"][0]);
        Assert.Contains("Totals: 1 file(s), 6 claims (2 pay in full), 7 lines: 3 pay, 4 denied.", run.Output);
        Assert.Contains("         1  claim.provider-not-authorized", run.Output);
    }

    [Theory, OnBothDatabases]
    public async Task Every_sar_the_run_reads_is_audited_once_as_read_by_the_account_running_ccs_under_one_run_id(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var file = Write("claims.837", scenario.Professional837());

        var run = await Ccs.RunAsync(["claims", "check", file, file, .. database.Options]);

        run.AssertSucceeded();
        await using var db = database.NewContext();
        var rows = await db.AuditEvents.AsNoTracking().Where(a => a.Role == Data.Claims.BatchActor.ClaimCheckRole).ToListAsync();
        // The file bills the approved SAR and the one in review (twice over two files): each is read, and audited, once.
        Assert.Equal(new[] { scenario.Approved.Id.ToString(), scenario.InReview.Id.ToString() }.Order(), rows.Select(r => r.RecordId).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal(Data.Auditing.AuditAction.Read, r.Action);
            Assert.Equal(Data.Auditing.AuditOutcome.Allowed, r.Outcome);
            Assert.Equal("Sar", r.RecordType);
            Assert.Equal(scenario.Child.Id, r.ChildId);
            Assert.Equal($"ccs:{Environment.UserName}", r.UserId);
            Assert.True(r.At > DateTime.UtcNow.AddMinutes(-5) && r.At <= DateTime.UtcNow.AddMinutes(1));
        });
        Assert.Single(rows.Select(r => r.RequestId).Distinct());
        // Found by the child, as the audit trail searches.
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.ChildId == scenario.Child.Id && a.Role == Data.Claims.BatchActor.ClaimCheckRole));
    }

    [Theory, OnBothDatabases]
    public async Task Json_lines_give_one_object_per_claim_then_the_file_and_the_totals(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var file = Write("claims.837", scenario.Professional837());

        var run = await Ccs.RunAsync(["claims", "check", file, "--format", "json", .. database.Options]);

        run.AssertSucceeded();
        var objects = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["claim", "claim", "claim", "claim", "claim", "claim", "file", "totals"], objects.Select(o => o.GetProperty("type").GetString()));
        var c2 = objects.Single(o => o.TryGetProperty("reference", out var r) && r.GetString() == "C2");
        Assert.False(c2.GetProperty("pays").GetBoolean());
        Assert.Equal("91234567A", c2.GetProperty("memberId").GetString());
        var line = Assert.Single(c2.GetProperty("lines").EnumerateArray());
        Assert.Equal(("99214", "2027-06-15", scenario.ApprovedNumber), (line.GetProperty("procedureCode").GetString(), line.GetProperty("from").GetString(), line.GetProperty("sar").GetString()));
        var finding = Assert.Single(line.GetProperty("findings").EnumerateArray());
        Assert.Equal(("claim.outside-sar-dates", "CARC", "197"), (finding.GetProperty("rule").GetString(), finding.GetProperty("codeKind").GetString(), finding.GetProperty("code").GetString()));
        Assert.Contains("2027-05-31", finding.GetProperty("message").GetString());
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("fix").GetString()));
        var totals = objects[^1];
        Assert.Equal((6, 2, 7, 3, 4), (totals.GetProperty("claims").GetInt32(), totals.GetProperty("claimsPaying").GetInt32(),
            totals.GetProperty("lines").GetInt32(), totals.GetProperty("linesPaying").GetInt32(), totals.GetProperty("linesDenied").GetInt32()));
        Assert.Equal(1, totals.GetProperty("deniedLinesByRule").GetProperty("claim.sar-missing").GetInt32());
    }

    [Theory, OnBothDatabases]
    public async Task A_line_dated_before_the_childs_cin_changed_is_denied_with_cin_not_for_date_when_billed_with_the_new_cin_and_pays_with_the_former(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        var scenario = await ClaimScenario.SavedInAsync(database, newCin: (Cin.Parse("97654321B"), new DateOnly(2027, 1, 1)));
        var newCin = Write("new-cin.837", scenario.Visits837("97654321B", "20261215", "20270105"));
        var formerCin = Write("former-cin.837", scenario.Visits837(ClaimScenario.FirstCin, "20261215", "20270105"));

        var withNew = await Ccs.RunAsync(["claims", "check", newCin, .. database.Options]);
        var withFormer = await Ccs.RunAsync(["claims", "check", formerCin, .. database.Options]);

        withNew.AssertSucceeded();
        withFormer.AssertSucceeded();
        var billedNew = TextReport.ClaimBlocks(withNew.Output);
        Assert.Contains("1 of 1 line denied", billedNew["V1"][0]);
        Assert.Contains("claim.cin-not-for-date (CARC 31): ", billedNew["V1"][2]);
        Assert.Contains($"CIN {ClaimScenario.FirstCin} covers that date", billedNew["V1"][2]);
        Assert.Contains("pays (1 line)", billedNew["V2"][0]);
        var billedFormer = TextReport.ClaimBlocks(withFormer.Output);
        Assert.Contains("pays (1 line)", billedFormer["V1"][0]);
        Assert.Contains("claim.cin-not-for-date (CARC 31): ", billedFormer["V2"][2]);
        Assert.Contains("CIN 97654321B covers that date", billedFormer["V2"][2]);
    }

    [Fact]
    public async Task Csv_has_a_row_per_paying_line_and_per_failed_rule()
    {
        await using var database = await CliDatabase.CreateAsync(TestDatabase.Sqlite);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var file = Write("claims.837", scenario.Professional837());

        var run = await Ccs.RunAsync(["claims", "check", file, "--format", "csv", .. database.Options]);

        run.AssertSucceeded();
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CsvClaimReport.Header, rows[0]);
        Assert.Equal(8, rows.Length);
        Assert.StartsWith($"{file},C1,13,91234567A,{scenario.Authorized.Npi.Value},1,16,99214,,,2026-12-03,,1,{scenario.ApprovedNumber},pays,,,,", rows[1]);
        var c3 = Assert.Single(rows, r => r.Contains(",C3,", StringComparison.Ordinal));
        Assert.Contains(",,denied,claim.sar-missing,CARC 15,", c3);
        var c5 = Assert.Single(rows, r => r.Contains(",C5,", StringComparison.Ordinal));
        Assert.Contains($"{scenario.Other.Npi.Value},1,", c5);
        Assert.Contains(",denied,claim.provider-not-authorized,RARC N54,", c5);
    }

    [Fact]
    public async Task A_missing_file_exits_1_with_one_line_and_the_other_files_are_still_checked()
    {
        await using var database = await CliDatabase.CreateAsync(TestDatabase.Sqlite);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var good = Write("claims.837", scenario.Professional837());
        var missing = Path.Combine(_folder.FullName, "missing.837");

        var run = await Ccs.RunAsync(["claims", "check", missing, good, .. database.Options]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"ccs claims check: {missing}: no such file."], run.ErrorLines);
        Assert.Contains("Totals: 2 file(s), 6 claims (2 pay in full)", run.Output);
        Assert.Contains("1 file(s) could not be read to the end", run.Output);
    }

    [Fact]
    public async Task A_truncated_file_exits_1_naming_the_file_and_segment_after_reporting_the_claims_before_it()
    {
        await using var database = await CliDatabase.CreateAsync(TestDatabase.Sqlite);
        var scenario = await ClaimScenario.SavedInAsync(database);
        var text = scenario.Professional837();
        var file = Write("cut.837", text[..text.IndexOf("CLM*C3", StringComparison.Ordinal)]);

        var run = await Ccs.RunAsync(["claims", "check", file, .. database.Options]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"ccs claims check: {file}: Segment ", error);
        Assert.Contains("The file may be truncated.", error);
        Assert.Contains("Claim C1 ", run.Output);
        Assert.Contains("Claim C2 ", run.Output);
        Assert.DoesNotContain("Claim C3 ", run.Output);
    }

    [Fact]
    public async Task Data_that_is_not_x12_exits_1_with_the_readers_message()
    {
        await using var database = await CliDatabase.CreateAsync(TestDatabase.Sqlite);
        await ClaimScenario.SavedInAsync(database);
        var file = Write("notes.txt", "Dear billing office,\nplease find attached...\n");

        var run = await Ccs.RunAsync(["claims", "check", file, "--format", "json", .. database.Options]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"ccs claims check: {file}: Segment 1: the data does not begin with an ISA interchange header (found \"Dear billi\")."], run.ErrorLines);
        var totals = JsonDocument.Parse(run.Output.Trim()).RootElement;
        Assert.Equal(("totals", 1), (totals.GetProperty("type").GetString(), totals.GetProperty("unreadableFiles").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        var run = await Ccs.RunAsync("claims", "check", "claims.837", "--format", "xml");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_describes_the_formats_and_the_exit_code()
    {
        var run = await Ccs.RunAsync("claims", "check", "--help");

        run.AssertSucceeded();
        Assert.Contains("--format", run.Output, StringComparison.Ordinal);
        Assert.Contains("JSON Lines", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit code 1 only when a file cannot be read", run.Output, StringComparison.Ordinal);
        Assert.Contains("--connection", run.Output, StringComparison.Ordinal);
    }
}
