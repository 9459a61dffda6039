using Microsoft.Playwright;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

public sealed class SarReviewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Nurse_finds_a_new_sar_on_the_worklist_begins_review_and_approves_it()
    {
        var scenario = await SarScenario.FindAsync(browser);
        var number = await SarScenario.SubmitAsProviderAsync(browser, scenario);

        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        var page = session.Page;
        await session.GoAsync("/Authorizations/Worklist");
        Assert.Equal("Review worklist", (await session.Heading.InnerTextAsync()).Trim());

        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "submitted" });
        await page.GetByText("Expedited requests", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await session.WaitForUrlAsync(url => url.Query.Contains("status=Submitted", StringComparison.Ordinal) && url.Query.Contains("expedited=true", StringComparison.Ordinal), "the filtered worklist");

        var worklist = page.GetByTestId("worklist");
        var link = worklist.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });
        Assert.True(await link.IsVisibleAsync(), $"SAR {number} should wait on the nurse's worklist of expedited submitted requests.");
        await link.ClickAsync();
        await session.WaitForPathAsync($"/Authorizations/{number}/Review");
        Assert.Equal($"Review SAR {number}", (await session.Heading.InnerTextAsync()).Trim());
        Assert.Equal("submitted", await TagAsync(page), StringComparer.OrdinalIgnoreCase);
        Assert.True(await page.GetByTestId("clock").IsVisibleAsync(), "The review page should show when the review is due.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Begin review" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved: the SAR is now in review." }).WaitForAsync();
        Assert.Equal("in review", await TagAsync(page), StringComparer.OrdinalIgnoreCase);

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved: the SAR is now approved." }).WaitForAsync();
        Assert.Equal($"/Authorizations/{number}/Review", session.Path);
        Assert.Equal("approved", await TagAsync(page), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());

        await session.GoAsync($"/Authorizations/{number}");
        Assert.Equal("approved", await TagAsync(page), StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<string?> TagAsync(IPage page) => (await page.Locator("main .usa-tag").First.TextContentAsync())?.Trim();
}
