using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

public sealed class SarSubmissionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Provider_submits_an_esar_with_an_attachment_sees_its_number_and_status_and_finds_it_in_the_list()
    {
        var scenario = await SarScenario.FindAsync(browser);
        var pdf = SarScenario.WriteClinicalNotePdf();
        try
        {
            await using var session = await browser.SignedInAsAsync(Roles.Provider);
            var page = session.Page;
            await session.GoAsync("/Authorizations/Submit");
            Assert.Equal("Submit a service authorization request", (await session.Heading.InnerTextAsync()).Trim());

            await scenario.FillAsync(page, pdf);
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the SAR" }).ClickAsync();

            var success = page.GetByTestId("submitted");
            await success.WaitForAsync();
            var heading = (await session.Heading.InnerTextAsync()).Trim();
            Assert.Matches(@"^SAR \d{11}$", heading);
            var number = heading["SAR ".Length..];
            Assert.StartsWith("19", number);
            Assert.Equal($"/Authorizations/{number}", session.Path);
            var message = await success.InnerTextAsync();
            Assert.Contains($"SAR {number} was received.", message);
            Assert.Contains("Status: submitted", message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Los Angeles County CCS office", message);
            Assert.Equal("submitted", (await page.Locator("main .usa-tag").First.TextContentAsync())?.Trim(), StringComparer.OrdinalIgnoreCase);
            Assert.Contains("Expedited review.", await page.InnerTextAsync("main"));
            Assert.Contains(scenario.PhysicianNpi, await page.InnerTextAsync("main dl"));
            Assert.Contains("Q21.0", await page.InnerTextAsync("main dl"));
            Assert.True(await page.GetByRole(AriaRole.Cell, new() { Name = "Office visit, established patient" }).IsVisibleAsync());

            var parsed = SarNumber.Parse(number, null);
            var files = await browser.App.WithDbAsync(async db =>
            {
                var id = await db.Sars.Where(s => s.Number == parsed).Select(s => s.Id).SingleAsync();
                return await db.SarDocuments.Where(d => d.SarId == id).Select(d => d.FileName).ToListAsync();
            });
            Assert.Single(files);
            Assert.EndsWith(".pdf", files[0]);

            await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Authorizations" }).ClickAsync();
            await session.WaitForPathAsync("/Authorizations");
            await page.GetByLabel("SAR number").FillAsync(number);
            await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
            await session.WaitForQueryAsync("number=" + number);
            var row = page.Locator("table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }) });
            Assert.Equal(1, await row.CountAsync());
            Assert.Contains("submitted", await row.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

            await row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
            await session.WaitForPathAsync($"/Authorizations/{number}");
            Assert.Equal($"SAR {number}", (await session.Heading.InnerTextAsync()).Trim());
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task Submitting_the_empty_form_shows_it_again_with_errors_and_a_linked_summary()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        var page = session.Page;
        await session.GoAsync("/Authorizations/Submit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the SAR" }).ClickAsync();

        var summary = page.GetByTestId("error-summary");
        await summary.WaitForAsync();
        Assert.Equal("/Authorizations/Submit", session.Path);
        Assert.Equal("Submit a service authorization request", (await session.Heading.InnerTextAsync()).Trim());

        var clientError = page.Locator("#clientId-error");
        var diagnosisError = page.Locator("#diagnosisCode-error");
        Assert.True(await clientError.IsVisibleAsync(), "The CIN or BIC ID field should show its error.");
        Assert.True(await diagnosisError.IsVisibleAsync(), "The diagnosis field should show its error.");
        Assert.Contains("Enter the child's CIN", await clientError.InnerTextAsync());
        Assert.Contains("Enter the CCS diagnosis", await diagnosisError.InnerTextAsync());
        Assert.Contains("clientId-error", await page.GetByLabel("CIN or BIC ID").GetAttributeAsync("aria-describedby") ?? "");

        var links = summary.GetByRole(AriaRole.Link);
        Assert.True(await links.CountAsync() >= 4, "The summary should link every problem.");
        var clientLink = summary.GetByRole(AriaRole.Link, new() { Name = "Enter the child's CIN (9 characters) or BIC ID (14 characters)." });
        Assert.Equal("#clientId", await clientLink.GetAttributeAsync("href"));
        Assert.Equal("#diagnosisCode", await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the CCS diagnosis as an ICD-10-CM code." }).GetAttributeAsync("href"));

        await clientLink.ClickAsync();
        Assert.Equal("clientId", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
