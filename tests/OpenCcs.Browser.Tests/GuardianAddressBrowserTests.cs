using Microsoft.Playwright;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

public sealed class GuardianAddressBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_family_member_corrects_a_mistyped_zip_code_and_sees_the_new_mailing_address()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Family);
        var page = session.Page;
        await session.GoAsync("/Children");
        var href = await page.Locator("table tbody tr th a").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The family's first child has no link.");
        await session.GoAsync(href);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Change mailing address for Maria") }).ClickAsync();
        await page.GetByLabel("Street address").FillAsync("2450 East Olive Avenue");
        await page.GetByLabel("Apartment, suite or unit (optional)").FillAsync("");
        await page.GetByLabel("City").FillAsync("Fresno");
        await page.GetByLabel("ZIP code").FillAsync("9370");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();

        await page.Locator("#zipCode-error").WaitForAsync();
        Assert.Equal("2450 East Olive Avenue", await page.GetByLabel("Street address").InputValueAsync());
        await Axe.AssertNoViolationsAsync(page, "the mailing address form with an error");

        await page.GetByLabel("ZIP code").FillAsync("93701");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();

        await page.GetByText("The mailing address is saved.").WaitForAsync();
        Assert.True(await page.GetByText("2450 East Olive Avenue, Fresno, CA 93701").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "the child's page after the address change");
    }
}
