using Microsoft.Playwright;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;

namespace OpenCcs.Browser.Tests;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(Roles.Family, "Your family's CCS")]
    [InlineData(Roles.Provider, "Your organisation's authorizations")]
    [InlineData(Roles.CountyIntake, "Intake — Los Angeles")]
    [InlineData(Roles.EligibilityWorker, "Eligibility — Los Angeles")]
    [InlineData(Roles.NurseCaseManager, "Authorization review — Los Angeles")]
    [InlineData(Roles.IscdReviewer, "State review (ISCD)")]
    [InlineData(Roles.PlanReviewer, "Plan review — Orange")]
    [InlineData(Roles.Administrator, "Administration")]
    public async Task Each_role_signs_in_through_the_form_sees_its_dashboard_and_signs_out(string role, string heading)
    {
        var account = DemoAccounts.For(role);
        await using var session = await browser.OpenAsync();

        await session.SignInAsync(account.Email, DemoAccounts.Password);

        Assert.Equal("/Dashboard", session.Path);
        var page = session.Page;
        await page.GetByTestId("dashboard").WaitForAsync();
        Assert.Equal(heading, (await session.Heading.InnerTextAsync()).Trim());
        var navigation = session.PrimaryNavigation;
        Assert.True(await navigation.IsVisibleAsync(), "The primary navigation is not shown.");
        var dashboardLink = navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true });
        Assert.Equal("page", await dashboardLink.GetAttributeAsync("aria-current"));
        Assert.Contains(account.DisplayName, await navigation.InnerTextAsync());

        await navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await session.WaitForPathAsync("/");
        Assert.Equal("OpenCCS: California Children's Services, online", (await session.Heading.InnerTextAsync()).Trim());
        Assert.True(await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).IsVisibleAsync(),
            "After signing out the navigation should offer Sign in.");
        Assert.DoesNotContain(account.DisplayName, await page.ContentAsync());
        await session.GoAsync("/Dashboard");
        Assert.Equal("/Account/SignIn", session.Path);
    }

    [Fact]
    public async Task Wrong_password_keeps_the_person_on_the_form_with_an_error_alert()
    {
        var account = DemoAccounts.For(Roles.Family);
        await using var session = await browser.OpenAsync();

        await session.SubmitSignInAsync(account.Email, "not-the-password-2026");

        var alert = session.Page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Equal("/Account/SignIn", session.Path);
        Assert.Contains("The email or password is not right.", await alert.InnerTextAsync());
        Assert.Equal(account.Email, await session.Page.GetByLabel("Email address").InputValueAsync());
        Assert.Equal("", await session.Page.GetByLabel("Password").InputValueAsync());
        Assert.False(await session.Page.GetByTestId("dashboard").IsVisibleAsync());
    }
}
