using System.Text.Json;
using OpenCcs.Cli.Commands.Claims;
using OpenCcs.Cli.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Commands;

/// <summary>
/// <c>ccs claims check</c> on 837I (005010X223A2) files: a hospital's inpatient claims against its hospital SAR, which
/// pays inpatient days only (accommodation revenue codes 0100–0219), within its dates and its days (DOMAIN.md §9.3, §9.6, §9.7).
/// </summary>
public sealed class ClaimsCheckInstitutionalTests
{
    [Theory, OnBothDatabases]
    public async Task Inpatient_days_on_the_hospital_sar_pay_and_each_other_line_is_denied_with_its_rule(TestDatabase provider)
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(provider);

        var (run, _) = await CheckStaysAsync(setup);

        run.AssertSucceeded();
        var sar = setup.Scenario.HospitalStayNumber;
        var claims = TextReport.ClaimBlocks(run.Output);
        Assert.Contains($"Claim H1 (segment 13), member 91234567A, SAR {sar}: pays (2 lines)", claims["H1"][0]);
        Assert.Contains("Line 1 (segment 18) 0120 2026-12-03..2026-12-05: pays", claims["H1"][1]);
        Assert.Contains("Line 2 (segment 21) 0200 2026-12-06: pays", claims["H1"][2]);

        Assert.Contains("2 of 2 lines denied", claims["H2"][0]);
        Assert.Contains("Line 1 (segment 35) 0250 2026-12-04: denied", claims["H2"][1]);
        Assert.Contains($"claim.hospital-sar-days-only (RARC N54): SAR {sar} is a hospital SAR, which pays inpatient days only", claims["H2"][2]);
        Assert.Contains("this line bills revenue code 0250.", claims["H2"][2]);
        Assert.Contains("Line 2 (segment 38) 99223 2026-12-04: denied", claims["H2"][4]);
        Assert.Contains("claim.hospital-sar-days-only (RARC N54): ", claims["H2"][5]);
        Assert.Contains("Physician services during the stay (CPT 99223) bill on the physician's or Special Care Center's SAR.", claims["H2"][5]);

        // No DTP*472 on the line: its dates are the claim's statement period (DTP*434).
        Assert.Contains("Line 1 (segment 52) 0120 2026-12-11..2026-12-12: denied", claims["H3"][1]);
        Assert.Contains($"claim.outside-sar-dates (CARC 197): Date of service 2026-12-12 is after the end date 2026-12-10 of SAR {sar} line 1 (inpatient days).", claims["H3"][2]);
        Assert.Contains("UB-04 FL 45 / 837I DTP*472", claims["H3"][3]);

        Assert.Contains("claim.units-exceeded (CARC 198): ", claims["H4"][2]);
        Assert.Contains("authorised 5 units, of which 4 units were billed on earlier lines, leaving 1 unit.", claims["H4"][2]);
        Assert.Contains("Totals: 1 file(s), 4 claims (1 pay in full), 6 lines: 2 pay, 4 denied.", run.Output);
        Assert.Contains("         2  claim.hospital-sar-days-only", run.Output);
    }

    [Theory, OnBothDatabases]
    public async Task Json_lines_give_an_institutional_claims_revenue_codes_dates_and_findings(TestDatabase provider)
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(provider);

        var (run, _) = await CheckStaysAsync(setup, "--format", "json");

        run.AssertSucceeded();
        var objects = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["claim", "claim", "claim", "claim", "file", "totals"], objects.Select(o => o.GetProperty("type").GetString()));
        var (scenario, h1) = (setup.Scenario, objects[0]);
        Assert.Equal(("H1", "institutional", scenario.Hospital.Npi.Value, true), (h1.GetProperty("reference").GetString(),
            h1.GetProperty("form").GetString(), h1.GetProperty("billingNpi").GetString(), h1.GetProperty("pays").GetBoolean()));
        var days = h1.GetProperty("lines")[0];
        Assert.Equal(("0120", "2026-12-03", "2026-12-05", 3m, scenario.HospitalStayNumber),
            (days.GetProperty("revenueCode").GetString(), days.GetProperty("from").GetString(), days.GetProperty("to").GetString(),
                days.GetProperty("units").GetDecimal(), days.GetProperty("sar").GetString()));
        Assert.False(days.TryGetProperty("procedureCode", out _));
        Assert.Empty(days.GetProperty("findings").EnumerateArray());
        var physician = objects[1].GetProperty("lines")[1];
        Assert.Equal(("0960", "99223"), (physician.GetProperty("revenueCode").GetString(), physician.GetProperty("procedureCode").GetString()));
        var late = Assert.Single(objects[2].GetProperty("lines").EnumerateArray());
        Assert.Equal(("2026-12-11", "2026-12-12"), (late.GetProperty("from").GetString(), late.GetProperty("to").GetString()));
        var finding = Assert.Single(late.GetProperty("findings").EnumerateArray());
        Assert.Equal(("claim.outside-sar-dates", "CARC", "197"), (finding.GetProperty("rule").GetString(), finding.GetProperty("codeKind").GetString(), finding.GetProperty("code").GetString()));
        Assert.Contains("2026-12-10", finding.GetProperty("message").GetString());
        var totals = objects[^1];
        Assert.Equal((4, 1, 6, 2, 4), (totals.GetProperty("claims").GetInt32(), totals.GetProperty("claimsPaying").GetInt32(),
            totals.GetProperty("lines").GetInt32(), totals.GetProperty("linesPaying").GetInt32(), totals.GetProperty("linesDenied").GetInt32()));
        var byRule = totals.GetProperty("deniedLinesByRule");
        Assert.Equal((2, 1, 1), (byRule.GetProperty("claim.hospital-sar-days-only").GetInt32(), byRule.GetProperty("claim.outside-sar-dates").GetInt32(),
            byRule.GetProperty("claim.units-exceeded").GetInt32()));
    }

    [Theory, OnBothDatabases]
    public async Task Csv_rows_carry_the_revenue_code_and_the_dates_through_of_each_institutional_line(TestDatabase provider)
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(provider);

        var (run, file) = await CheckStaysAsync(setup, "--format", "csv");

        run.AssertSucceeded();
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CsvClaimReport.Header, rows[0]);
        Assert.Equal(7, rows.Length);
        var (npi, sar) = (setup.Scenario.Hospital.Npi.Value, setup.Scenario.HospitalStayNumber);
        Assert.Equal($"{file},H1,13,91234567A,{npi},1,18,,0120,,2026-12-03,2026-12-05,3,{sar},pays,,,,", rows[1]);
        Assert.Equal($"{file},H1,13,91234567A,{npi},2,21,,0200,,2026-12-06,,1,{sar},pays,,,,", rows[2]);
        Assert.StartsWith($"{file},H2,30,91234567A,{npi},2,38,99223,0960,,2026-12-04,,1,{sar},denied,claim.hospital-sar-days-only,RARC N54,", rows[4]);
        Assert.StartsWith($"{file},H3,47,91234567A,{npi},1,52,,0120,,2026-12-11,2026-12-12,2,{sar},denied,claim.outside-sar-dates,CARC 197,", rows[5]);
        Assert.StartsWith($"{file},H4,", rows[6]);
        Assert.Contains(",denied,claim.units-exceeded,CARC 198,", rows[6]);
    }

    // The hospital's claims (ClaimScenario.Institutional837) in a file of their own, checked.
    private static async Task<(CcsRun Run, string File)> CheckStaysAsync(ClaimCheckSetup setup, params string[] options)
    {
        var file = setup.Write("stays.837i", setup.Scenario.Institutional837());
        return (await setup.CheckAsync(file, options), file);
    }

    // imsweb/x12-parser's 837I example (BSD-3-Clause, see shared/testdata/SOURCES.md): a claim from outside CCS, with an
    // emergency admission (CL1*1), so it needs no SAR, and a member ID and billing NPI that are not a CIN and an NPI.
    [Theory, OnBothDatabases]
    public async Task A_third_party_837i_is_read_to_the_end_and_its_emergency_line_is_denied_for_the_member_id_and_npi_not_for_a_sar(TestDatabase provider)
    {
        await using var setup = await ClaimCheckSetup.CreateAsync(provider);
        var file = SharedTestData.X12("imsweb-x12-parser/837_5010/x223-test.txt");

        var run = await setup.CheckAsync(file);

        run.AssertSucceeded();
        var claim = Assert.Single(TextReport.ClaimBlocks(run.Output)).Value;
        Assert.Contains("Claim A37YH556 (segment 25), member 123456, emergency: 1 of 1 line denied", claim[0]);
        Assert.Contains("Line 1 (segment 46) 81099 2005-03-14..2005-03-25: denied", claim[1]);
        Assert.Contains("claim.cin-invalid (CARC 31): '123456' is not a CIN", claim[2]);
        Assert.Contains("claim.provider-unknown (CARC 208): '1234567890' is not an NPI", claim[4]);
        Assert.Equal(6, claim.Count);
        Assert.Contains("  warning: Segment 50 (SE): SE01 says 25", run.Output);
        Assert.Contains("Totals: 1 file(s), 1 claims (0 pay in full), 1 lines: 0 pay, 1 denied.", run.Output);
    }
}
