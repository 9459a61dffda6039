using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Children;

/// <summary>County staff see every CIN a child has had, with the dates each covered, and find the child by any of them.</summary>
public abstract class CinHistoryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    [Fact]
    public async Task The_child_page_lists_each_cin_with_the_dates_it_covered()
    {
        var child = await ChildWithReplacedCinAsync(new DateOnly(2026, 11, 1));
        var pages = await app.PageClientFor(Roles.EligibilityWorker);

        var html = await Responses.HtmlAsync(await pages.GetAsync($"/Children/{child.Id}"));

        var rows = html.QuerySelectorAll("[data-testid=cin-history] tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(cell => cell.TextContent.Trim()))).ToList();
        Assert.Equal([$"{child.FormerCin} | Since first recorded | 10/31/2026", $"{child.Cin} | 11/01/2026 | Current"], rows);
    }

    [Fact]
    public async Task The_child_api_answers_with_the_cin_history()
    {
        var child = await ChildWithReplacedCinAsync(new DateOnly(2026, 10, 15));
        var api = await app.ApiClientFor(Roles.EligibilityWorker);

        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child.Id}");

        Assert.Equal(child.Cin, details.GetProperty("cin").GetString());
        var history = details.GetProperty("cinHistory").EnumerateArray()
            .Select(c => (c.GetProperty("cin").GetString(), Text(c.GetProperty("from")), Text(c.GetProperty("to")))).ToList();
        List<(string?, string?, string?)> expected = [(child.FormerCin, null, "2026-10-14"), (child.Cin, "2026-10-15", null)];
        Assert.Equal(expected, history);
    }

    [Fact]
    public async Task A_search_by_a_former_cin_finds_the_child()
    {
        var child = await ChildWithReplacedCinAsync(new DateOnly(2026, 9, 1));
        var api = await app.ApiClientFor(Roles.EligibilityWorker);

        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children?search={child.FormerCin}");

        var only = Assert.Single(found.GetProperty("children").EnumerateArray());
        Assert.Equal(child.Id, only.GetProperty("id").GetGuid());
        Assert.Equal(child.Cin, only.GetProperty("cin").GetString());
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    private sealed record ChildWithFormerCin(Guid Id, string FormerCin, string Cin);

    /// <summary>A new child of the demo county whose first CIN was replaced on <paramref name="changedOn"/>, so no other test's child changes.</summary>
    private Task<ChildWithFormerCin> ChildWithReplacedCinAsync(DateOnly changedOn) => app.WithDbAsync(async db =>
    {
        var now = CcsApp.Now.UtcDateTime;
        var former = await UnusedCinAsync('T');
        var current = await UnusedCinAsync('U');
        var child = Child.Register(new PersonName("Mateo", "Cambio"), new DateOnly(2017, 8, 21), former, CountyCode.From(DemoAccounts.HomeCounty), Language.Spanish, now);
        child.AssignCin(current, changedOn, now);
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return new ChildWithFormerCin(child.Id, former.Value, current.Value);

        async Task<Cin> UnusedCinAsync(char letter)
        {
            Cin cin;
            do cin = Cin.Parse($"9{Random.Shared.Next(1_000_000, 9_999_999)}{letter}");
            while (await db.Children.AnyAsync(c => c.CinHistory.Any(k => k.Cin == cin)));
            return cin;
        }
    });
}

public sealed class CinHistoryOnSqlite(SqliteApp app) : CinHistoryTests<SqliteApp>(app);

public sealed class CinHistoryOnPostgres(PostgresApp app) : CinHistoryTests<PostgresApp>(app);
