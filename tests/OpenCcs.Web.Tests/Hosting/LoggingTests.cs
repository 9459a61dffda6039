using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenCcs.Data.Identity;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Hosting;

/// <summary>The app with every log line it writes, at every level, kept for inspection.</summary>
public abstract class LoggedApp(TestDatabase database) : WebApp(database)
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
    }
}

public sealed class LoggedSqliteApp() : LoggedApp(TestDatabase.Sqlite);

public sealed class LoggedPostgresApp() : LoggedApp(TestDatabase.Postgres);

/// <summary>
/// No protected health information in logs (ARCHITECTURE.md, Audit): while a county nurse works through
/// children and SARs, nothing logged at any level names a child, their CIN or their date of birth.
/// </summary>
public abstract class LoggingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : LoggedApp
{
    [Fact]
    public async Task Nurse_listing_and_opening_children_and_sars_logs_no_names_cins_or_dates_of_birth()
    {
        var records = await app.RecordsFor(Roles.NurseCaseManager);
        var pages = await app.PageClientFor(Roles.NurseCaseManager);
        var api = await app.ApiClientFor(Roles.NurseCaseManager);

        var list = await pages.GetStringAsync("/Children");
        var child = await pages.GetStringAsync($"/Children/{records.ChildId}");
        var sar = await pages.GetStringAsync($"/Authorizations/{records.SarNumber}");
        var listed = await api.GetFromJsonAsync<ChildPage>("/api/v1/children");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/children/{records.ChildId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/sars/{records.SarNumber}")).StatusCode);

        var shown = listed!.Children.Select(c => c.Id).Append(records.ChildId).ToList();
        var phi = await app.WithDbAsync(db => db.Children.Where(c => shown.Contains(c.Id))
            .Select(c => new { c.Name.First, c.Name.Last, c.Cin, c.DateOfBirth }).ToListAsync());
        var opened = phi.Single(p => child.Contains(p.Last));
        Assert.Contains(opened.Last, sar);
        Assert.Contains(opened.DateOfBirth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), list + child);
        var logs = app.Logs.Entries;
        Assert.Contains(logs, l => l.Text.Contains($"/Children/{records.ChildId}", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Text.Contains($"/api/v1/sars/{records.SarNumber}", StringComparison.Ordinal));

        var leaks = (
            from p in phi
            from value in new[]
            {
                p.First, p.Last, p.Cin?.Value,
                p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.DateOfBirth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
            }
            where value is not null
            from log in logs
            where Regex.IsMatch(log.Text, $@"(?<![\p{{L}}\d]){Regex.Escape(value)}(?![\p{{L}}\d])")
            select $"'{value}' in {log}").Distinct().ToList();
        Assert.True(phi.Count > 20, $"Only {phi.Count} children were shown; the test needs a full page of them.");
        Assert.True(leaks.Count == 0, "Protected health information in the logs:\n" + string.Join("\n", leaks.Take(20)));
    }

    private sealed record ChildPage(List<ChildRow> Children);

    private sealed record ChildRow(Guid Id);
}

public sealed class LoggingOnSqlite(LoggedSqliteApp app) : LoggingTests<LoggedSqliteApp>(app);

public sealed class LoggingOnPostgres(LoggedPostgresApp app) : LoggingTests<LoggedPostgresApp>(app);
