using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

public sealed partial class NavigationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Nurse_goes_from_the_dashboard_through_a_sar_to_its_child()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        var page = session.Page;

        await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Authorizations" }).ClickAsync();
        await session.WaitForPathAsync("/Authorizations");
        Assert.Equal("Service authorization requests", (await session.Heading.InnerTextAsync()).Trim());
        Assert.Equal("page", await session.PrimaryNavigation.GetByRole(AriaRole.Link, new() { Name = "Authorizations" }).GetAttributeAsync("aria-current"));

        var sarLink = page.Locator("table tbody tr th a").First;
        var number = (await sarLink.InnerTextAsync()).Trim();
        await sarLink.ClickAsync();
        await session.WaitForPathAsync($"/Authorizations/{number}");
        Assert.Equal($"SAR {number}", (await session.Heading.InnerTextAsync()).Trim());

        var childLink = page.Locator("main dl a").First;
        var childName = (await childLink.InnerTextAsync()).Trim();
        Assert.NotEmpty(childName);
        await childLink.ClickAsync();
        await session.WaitForUrlAsync(url => ChildPathPattern().IsMatch(url.AbsolutePath), "a child's page");
        Assert.Equal(childName, (await session.Heading.InnerTextAsync()).Trim());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).IsVisibleAsync(),
            $"The child's page should list SAR {number} among the child's requests.");
    }

    [Fact]
    public async Task Children_list_sorts_by_date_of_birth_from_the_header_and_keeps_the_filter()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        var page = session.Page;
        await session.GoAsync("/Children");
        var unfiltered = await CountAsync(page);

        await page.GetByLabel("Name or CIN").FillAsync("an");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await session.WaitForQueryAsync("search=an");
        var filtered = await CountAsync(page);
        Assert.InRange(filtered, 2, unfiltered - 1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Date of birth" }).ClickAsync();
        await session.WaitForQueryAsync("sort=DateOfBirth");
        Assert.Equal("ascending", await DateOfBirthHeader(page).GetAttributeAsync("aria-sort"));
        Assert.Equal("an", await page.GetByLabel("Name or CIN").InputValueAsync());
        Assert.Equal(filtered, await CountAsync(page));
        await AssertEveryNameContainsAsync(page, "an");
        var ascending = await DatesOfBirthAsync(page);
        Assert.Equal(ascending.Order().ToList(), ascending);

        await page.GetByRole(AriaRole.Link, new() { Name = "Date of birth" }).ClickAsync();
        await session.WaitForQueryAsync("descending=true");
        Assert.Equal("descending", await DateOfBirthHeader(page).GetAttributeAsync("aria-sort"));
        Assert.Equal("an", await page.GetByLabel("Name or CIN").InputValueAsync());
        Assert.Equal(filtered, await CountAsync(page));
        var descending = await DatesOfBirthAsync(page);
        Assert.Equal(descending.OrderDescending().ToList(), descending);
    }

    [Fact]
    public async Task Children_pagination_links_move_between_pages_and_keep_the_sort()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager);
        var page = session.Page;
        await session.GoAsync("/Children");
        await page.GetByRole(AriaRole.Link, new() { Name = "Date of birth" }).ClickAsync();
        await session.WaitForQueryAsync("sort=DateOfBirth");
        var total = await CountAsync(page);
        Assert.True(total > 25, $"The nurse's county should have more than one page of children; found {total}.");
        var firstPage = await DatesOfBirthAsync(page);
        var firstPageLinks = await RowLinksAsync(page);
        Assert.Equal(25, firstPageLinks.Count);
        var pagination = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        Assert.Equal("page", await pagination.GetByRole(AriaRole.Link, new() { Name = "Page 1", Exact = true }).GetAttributeAsync("aria-current"));

        await pagination.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await session.WaitForQueryAsync("p=2");
        Assert.Equal("page", await pagination.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true }).GetAttributeAsync("aria-current"));
        Assert.Equal(total, await CountAsync(page));
        Assert.Equal("ascending", await DateOfBirthHeader(page).GetAttributeAsync("aria-sort"));
        var secondPage = await DatesOfBirthAsync(page);
        Assert.True(secondPage[0] >= firstPage[^1], "Page 2 should continue the date-of-birth order of page 1.");
        Assert.Empty((await RowLinksAsync(page)).Intersect(firstPageLinks));

        var lastPage = (total + 24) / 25;
        await pagination.GetByRole(AriaRole.Link, new() { Name = $"Page {lastPage}", Exact = true }).ClickAsync();
        await session.WaitForQueryAsync($"p={lastPage}");
        Assert.Equal(total - (lastPage - 1) * 25, (await RowLinksAsync(page)).Count);
        Assert.Equal(0, await pagination.GetByRole(AriaRole.Link, new() { Name = "Next page" }).CountAsync());

        await pagination.GetByRole(AriaRole.Link, new() { Name = "Page 1", Exact = true }).ClickAsync();
        await session.WaitForQueryAsync("p=1");
        Assert.Equal(firstPageLinks, await RowLinksAsync(page));
        Assert.Equal(0, await pagination.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).CountAsync());
    }

    private static ILocator DateOfBirthHeader(IPage page) => page.GetByRole(AriaRole.Columnheader, new() { Name = "Date of birth" });

    /// <summary>The number in the "N children found." status line.</summary>
    private static async Task<int> CountAsync(IPage page)
    {
        var status = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        var match = CountPattern().Match(status);
        Assert.True(match.Success, $"Unexpected status text: '{status}'.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<List<DateOnly>> DatesOfBirthAsync(IPage page) =>
        (await page.Locator("table tbody tr td:nth-of-type(1)").AllInnerTextsAsync())
            .Select(text => DateOnly.ParseExact(text.Trim(), "MM/dd/yyyy", CultureInfo.InvariantCulture))
            .ToList();

    private static async Task<List<string>> RowLinksAsync(IPage page)
    {
        var links = new List<string>();
        foreach (var link in await page.Locator("table tbody tr th a").AllAsync())
            links.Add(await link.GetAttributeAsync("href") ?? "");
        return links;
    }

    private static async Task AssertEveryNameContainsAsync(IPage page, string text)
    {
        foreach (var name in await page.Locator("table tbody tr th").AllInnerTextsAsync())
            Assert.Contains(text, name, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(\d+) child(ren)? found")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"/Children/[0-9a-fA-F-]{36}$")]
    private static partial Regex ChildPathPattern();
}
