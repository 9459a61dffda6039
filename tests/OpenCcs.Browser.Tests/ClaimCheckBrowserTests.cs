using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data.Identity;
using OpenCcs.Testing;

namespace OpenCcs.Browser.Tests;

public sealed class ClaimCheckBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static int _sequence = 95_000_000;

    [Fact]
    public async Task Provider_sees_a_line_deny_with_its_rule_and_fix_corrects_it_and_sees_it_pay()
    {
        var (cin, sarNumber, npi) = await ApprovedSarAsync();
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        var page = session.Page;
        await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Check a claim" }).ClickAsync();
        await session.WaitForPathAsync("/Claims/Check");
        Assert.Equal("Check a claim", (await session.Heading.InnerTextAsync()).Trim());

        await page.GetByLabel("Patient's CIN or BIC ID (box 1a)").FillAsync(cin);
        await page.GetByLabel("Prior authorization number: the SAR number (box 23)").FillAsync(sarNumber);
        await page.GetByLabel("Billing provider NPI (box 33a)").FillAsync(npi);
        var line = page.GetByRole(AriaRole.Group, new() { Name = "Line 1", Exact = true });
        await line.GetByLabel("Date of service (24A from)").FillAsync("2026-12-05");
        await line.GetByLabel("CPT or HCPCS code (24D)").FillAsync("99215");
        await line.GetByLabel("Units (24G)").FillAsync("1");
        await line.GetByLabel("Place of service (24B)").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the claim" }).ClickAsync();

        var result = page.GetByTestId("claim-result");
        await result.WaitForAsync();
        Assert.Contains("Line 1: Denies.", await result.InnerTextAsync());
        var finding = result.Locator("tbody tr").Filter(new() { HasText = "claim.service-not-authorized" });
        Assert.Equal(1, await finding.CountAsync());
        Assert.Contains("N54", await finding.Locator("td").Nth(0).InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(await finding.Locator("td").Nth(2).InnerTextAsync()), "The finding says what to correct.");
        Assert.Equal(cin, await page.GetByLabel("Patient's CIN or BIC ID (box 1a)").InputValueAsync());
        await Axe.AssertNoViolationsAsync(page, "the claim form showing a denied line");
        // For people reviewing the page: the answer as a provider sees it, in the test output folder.
        var picture = Path.Combine(AppContext.BaseDirectory, "screenshots", "claim-check-denied.png");
        Directory.CreateDirectory(Path.GetDirectoryName(picture)!);
        await page.ScreenshotAsync(new() { Path = picture, FullPage = true });

        await line.GetByLabel("CPT or HCPCS code (24D)").FillAsync("99214");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the claim" }).ClickAsync();

        await page.GetByText("Line 1: Pays.").WaitForAsync();
        Assert.Equal(0, await result.Locator("tbody tr").CountAsync());
        Assert.Contains("would be paid", await result.InnerTextAsync());
    }

    [Fact]
    public async Task Claim_form_has_no_wcag_violations_empty_with_errors_and_after_adding_a_line()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        var page = session.Page;
        await session.GoAsync("/Claims/Check");
        await Axe.AssertNoViolationsAsync(page, "the empty claim form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add another line" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Line 4", Exact = true }).WaitForAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "Line 1", Exact = true }).GetByLabel("CPT or HCPCS code (24D)").FillAsync("99214");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the claim" }).ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await summary.WaitForAsync();
        Assert.Contains("date of service", await summary.InnerTextAsync());
        Assert.Equal("99214", await page.Locator("#lines-0-procedureCode").InputValueAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.getAttribute('role') === 'alert'"), "Focus moves to the error summary.");
        await Axe.AssertNoViolationsAsync(page, "the claim form with errors");
    }

    [Fact]
    public async Task Pharmacy_claim_form_has_no_wcag_violations_before_and_after_a_check()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        var page = session.Page;
        await session.GoAsync("/Claims/CheckPharmacy");
        Assert.Equal("610442", await page.GetByLabel("BIN").InputValueAsync());
        await Axe.AssertNoViolationsAsync(page, "the empty pharmacy claim form");

        await page.GetByLabel("Patient's CIN or BIC ID").FillAsync("91234567A");
        await page.GetByLabel("BIN").FillAsync("004336");
        await page.GetByLabel("Date filled").FillAsync("2026-12-05");
        await page.GetByLabel("NDC").FillAsync("00002821501");
        await page.GetByLabel("Quantity dispensed").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the claim" }).ClickAsync();

        await page.GetByTestId("claim-result").Or(page.GetByTestId("error-summary")).First.WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "the pharmacy claim form after a check");
    }

    /// <summary>An office-visit SAR (CPT 99214, 4 visits, December to February) for the scenario child, approved to the scenario physician.</summary>
    private Task<(string Cin, string SarNumber, string Npi)> ApprovedSarAsync() =>
        browser.App.WithDbAsync(async db =>
        {
            var scenario = await SarScenario.FindAsync(browser);
            var cin = Cin.Parse(scenario.Cin, null);
            var npi = Npi.Parse(scenario.PhysicianNpi, null);
            var child = await db.Children.Where(c => c.Cin == cin).Select(c => new { c.Id, c.CountyOfResidence }).SingleAsync();
            var physician = await db.Providers.Where(p => p.Npi == npi).Select(p => p.Id).SingleAsync();
            var now = CcsApp.Now.UtcDateTime;
            var sar = Sar.Submit(SarNumber.Create(child.CountyOfResidence, Interlocked.Increment(ref _sequence)), child.Id, physician, null,
                SarFormType.EstablishedClient, "Q21.0", false, null,
                [new SarLineRequest(ServiceCodeSystem.Cpt, "99214", "Office visit, established patient", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), 4)],
                "browser-test", now);
            sar.BeginReview("browser-test", now);
            sar.Approve("browser-test", now);
            db.Sars.Add(sar);
            await db.SaveChangesAsync();
            return (scenario.Cin, sar.Number.Value, scenario.PhysicianNpi);
        });
}
