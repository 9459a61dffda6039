using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Cli.Tests.Support;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Commands;

public sealed partial class SeedCommandTests
{
    [Theory, OnBothDatabases]
    public async Task Seed_migrates_a_new_database_and_reports_what_it_added(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);

        var run = await Ccs.RunAsync(["seed", .. database.Options]);

        run.AssertSucceeded();
        var reported = Summary().Match(run.Output);
        Assert.True(reported.Success, $"Unexpected output: {run.Output}");
        await using var db = database.NewContext();
        Assert.Equal(
            (await db.Providers.CountAsync(), await db.Children.CountAsync(), await db.Referrals.CountAsync(),
                await db.Cases.CountAsync(), await db.Sars.CountAsync(), await db.Users.CountAsync()),
            (Count(reported, "providers"), Count(reported, "children"), Count(reported, "referrals"),
                Count(reported, "cases"), Count(reported, "sars"), Count(reported, "accounts")));
        Assert.Equal(500, Count(reported, "children"));
        Assert.Contains($"(password: {DemoAccounts.Password})", run.Output, StringComparison.Ordinal);
    }

    [Theory, OnBothDatabases]
    public async Task Seeding_a_seeded_database_says_nothing_was_added(TestDatabase provider)
    {
        await using var database = await CliDatabase.CreateAsync(provider);
        (await Ccs.RunAsync(["seed", .. database.Options])).AssertSucceeded();
        await using var db = database.NewContext();
        var children = await db.Children.CountAsync();
        var sars = await db.Sars.CountAsync();

        var again = await Ccs.RunAsync(["seed", .. database.Options]);

        again.AssertSucceeded();
        Assert.Equal("The database already holds children; nothing was added.", again.Output.Trim());
        Assert.Equal((children, sars), (await db.Children.CountAsync(), await db.Sars.CountAsync()));
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Seeded (?<providers>\d+) providers, (?<children>\d+) children, (?<referrals>\d+) referrals, (?<cases>\d+) cases, (?<sars>\d+) SARs and (?<accounts>\d+) demo accounts")]
    private static partial Regex Summary();
}
