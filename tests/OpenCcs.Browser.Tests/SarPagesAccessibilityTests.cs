using Microsoft.Playwright;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

public sealed class SarPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Provider_submit_form_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        await session.GoAsync("/Authorizations/Submit");

        Assert.True(await session.Page.GetByLabel("CIN or BIC ID").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(session.Page, "the empty eSAR form");
    }

    [Fact]
    public async Task Provider_submit_form_showing_its_errors_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        await session.GoAsync("/Authorizations/Submit");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Submit the SAR" }).ClickAsync();
        await session.Page.GetByTestId("error-summary").WaitForAsync();

        await Axe.AssertNoViolationsAsync(session.Page, "the eSAR form with errors");
    }

    [Fact]
    public async Task County_fax_entry_form_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.CountyIntake);
        await session.GoAsync("/Authorizations/Enter");

        Assert.True(await session.Page.GetByLabel("Received by the county (Pacific time)").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(session.Page, "the county SAR entry form");
    }

    [Fact]
    public async Task Shared_sar_lookup_has_no_wcag_violations_before_and_after_a_search()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        var page = session.Page;
        await session.GoAsync("/Authorizations/Shared");
        await Axe.AssertNoViolationsAsync(page, "the shared SAR lookup");

        await page.GetByLabel("SAR number").FillAsync("19000000000");
        await page.GetByLabel("Child's date of birth").FillAsync("2015-04-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await page.GetByText("No SAR has this number with this date of birth.").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "the shared SAR lookup with no match");
    }

    [Fact]
    public async Task Nurse_worklist_and_review_page_have_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        var page = session.Page;
        await session.GoAsync("/Authorizations/Worklist");

        var first = page.GetByTestId("worklist").Locator("tbody tr th a").First;
        await first.WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "the review worklist");

        var href = await first.GetAttributeAsync("href") ?? throw new InvalidOperationException("The first worklist row has no link.");
        await session.GoAsync(href);
        Assert.EndsWith("/Review", session.Path);
        await Axe.AssertNoViolationsAsync(page, "a SAR's review page");
    }

    [Fact]
    public async Task Family_letters_page_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Family);
        await session.GoAsync("/Notices");

        await Axe.AssertNoViolationsAsync(session.Page, "the family's letters");
    }

    [Fact]
    public async Task County_mailing_page_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.CountyIntake);
        await session.GoAsync("/Notices/Mailing");

        Assert.Equal("Mailing", (await session.Heading.InnerTextAsync()).Trim());
        await Axe.AssertNoViolationsAsync(session.Page, "the county mailing page");
    }

    [Fact]
    public async Task Emergency_report_form_with_its_problems_shown_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Provider);
        await session.GoAsync("/Emergencies/Report");
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Report the admission" }).ClickAsync();
        await session.Page.Locator("#error-summary").WaitForAsync();

        Assert.Contains("problems to correct", await session.Page.Locator("#error-summary").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(session.Page, "the emergency report form with its errors");
    }

    [Fact]
    public async Task County_emergency_admissions_page_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        await session.GoAsync("/Emergencies?all=true");

        Assert.Equal("Emergency admissions", (await session.Heading.InnerTextAsync()).Trim());
        await Axe.AssertNoViolationsAsync(session.Page, "the county's emergency admissions");
    }
}
