using Microsoft.Playwright;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int MobileWidth = 400;
    private const int MobileHeight = 860;

    [Theory]
    [InlineData(BrowserFixture.DesktopWidth, BrowserFixture.DesktopHeight)]
    [InlineData(MobileWidth, MobileHeight)]
    public async Task Home_page_has_no_wcag_violations(int width, int height)
    {
        await using var session = await browser.OpenAsync(width, height);
        await session.GoAsync("/");

        await Axe.AssertNoViolationsAsync(session.Page, $"the home page at {width}px");
    }

    [Fact]
    public async Task Home_page_mobile_menu_opens_and_has_no_wcag_violations()
    {
        await using var session = await browser.OpenAsync(MobileWidth, MobileHeight);
        await session.GoAsync("/");

        await OpenMobileMenuAsync(session);

        Assert.True(await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(session.Page, "the home page with the mobile menu open");
    }

    [Fact]
    public async Task Sign_in_page_with_the_demo_accounts_has_no_wcag_violations()
    {
        await using var session = await browser.OpenAsync();
        await session.GoAsync("/Account/SignIn");

        Assert.True(await session.Page.GetByRole(AriaRole.Table, new() { Name = "Demo accounts, one per role" }).IsVisibleAsync(),
            "The Development sign-in page should list the demo accounts.");
        await Axe.AssertNoViolationsAsync(session.Page, "the sign-in page");
    }

    [Fact]
    public async Task Sign_in_page_after_a_failed_attempt_has_no_wcag_violations()
    {
        await using var session = await browser.OpenAsync();
        await session.SubmitSignInAsync("nobody@demo.openccs.org", "not-the-password-2026");
        await session.Page.GetByRole(AriaRole.Alert).WaitForAsync();

        await Axe.AssertNoViolationsAsync(session.Page, "the sign-in page showing its error");
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.CountyIntake)]
    [InlineData(Roles.EligibilityWorker)]
    [InlineData(Roles.NurseCaseManager)]
    [InlineData(Roles.IscdReviewer)]
    [InlineData(Roles.PlanReviewer)]
    [InlineData(Roles.Administrator)]
    public async Task Each_role_dashboard_has_no_wcag_violations(string role)
    {
        await using var session = await browser.SignedInAsAsync(role);
        await session.Page.GetByTestId("dashboard").WaitForAsync();

        await Axe.AssertNoViolationsAsync(session.Page, $"the {role} dashboard");
    }

    [Fact]
    public async Task Dashboard_at_mobile_width_with_the_menu_open_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager, MobileWidth, MobileHeight);
        Assert.False(await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Children" }).IsVisibleAsync(),
            "At mobile width the navigation should be behind the Menu button.");
        await Axe.AssertNoViolationsAsync(session.Page, "the nurse dashboard at 400px");

        await OpenMobileMenuAsync(session);

        Assert.True(await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Children" }).IsVisibleAsync());
        Assert.True(await session.PrimaryNavigation.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(session.Page, "the nurse dashboard with the mobile menu open");
    }

    [Fact]
    public async Task Children_list_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        await session.GoAsync("/Children");

        Assert.True(await session.Page.Locator("table tbody tr").CountAsync() > 0, "The nurse should see children in the list.");
        await Axe.AssertNoViolationsAsync(session.Page, "the children list");
    }

    [Fact]
    public async Task Child_details_page_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        await session.GoAsync("/Children");
        var href = await session.Page.Locator("table tbody tr th a").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The first child has no link.");
        await session.GoAsync(href);

        Assert.StartsWith("/Children/", session.Path);
        await Axe.AssertNoViolationsAsync(session.Page, "a child's details page");
    }

    [Fact]
    public async Task Authorizations_list_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        await session.GoAsync("/Authorizations");

        Assert.True(await session.Page.Locator("table tbody tr").CountAsync() > 0, "The nurse should see requests in the list.");
        await Axe.AssertNoViolationsAsync(session.Page, "the authorizations list");
    }

    [Fact]
    public async Task Sar_details_page_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        await session.GoAsync("/Authorizations");
        var href = await session.Page.Locator("table tbody tr th a").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The first request has no link.");
        await session.GoAsync(href);

        Assert.StartsWith("/Authorizations/", session.Path);
        await Axe.AssertNoViolationsAsync(session.Page, "a SAR's details page");
    }

    [Fact]
    public async Task Admin_audit_page_has_no_wcag_violations()
    {
        await using var session = await browser.SignedInAsAsync(Roles.Administrator);
        await session.GoAsync("/Admin/Audit");

        Assert.True(await session.Page.Locator("table tbody tr").CountAsync() > 0, "The audit trail should have events after the sign-ins.");
        await Axe.AssertNoViolationsAsync(session.Page, "the audit trail");
    }

    [Fact]
    public async Task Not_found_status_page_has_no_wcag_violations()
    {
        // Signed in: an anonymous visitor to an unknown address is sent to the sign-in page first.
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        await session.GoAsync("/no-such-page", expectedStatus: 404);

        Assert.Contains("404", await session.Page.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(session.Page, "the 404 page");
    }

    private static async Task OpenMobileMenuAsync(BrowserSession session)
    {
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await session.PrimaryNavigation.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        // USWDS slides the menu in; let the transition finish so colours are measured as shown.
        await session.Page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
    }
}
