using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenCcs.Data;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;

namespace OpenCcs.Testing;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// OpenCCS in-process on a fresh database of its own (a temporary SQLite file, or a new database in the
/// shared throwaway PostgreSQL cluster), seeded with the demo data on a fixed clock so every run sees the same records.
/// </summary>
public partial class CcsApp : WebApplicationFactory<Program>
{
    /// <summary>The fixed "now" of every test app: a Monday afternoon in California.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    private readonly string _environment;
    private readonly bool _seed;
    private readonly string? _sqliteFile;
    private readonly PostgresTestDatabase? _postgres;

    public CcsApp(TestDatabase database, bool seed = true, string environment = "Testing")
    {
        Database = database;
        _seed = seed;
        _environment = environment;
        if (database == TestDatabase.Postgres)
            _postgres = PostgresCluster.Shared.CreateTemporaryDatabaseAsync("ccs").GetAwaiter().GetResult();
        else
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"openccs-test-{Guid.NewGuid():N}.db");
        ConnectionString = _postgres?.ConnectionString ?? $"Data Source={_sqliteFile}";
    }

    public TestDatabase Database { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Database.ToString());
        builder.UseSetting("ConnectionStrings:Ccs", ConnectionString);
        builder.UseSetting("Demo:Seed", _seed ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A scope on the app's services, for arranging data and asserting on the database directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<CcsDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<CcsDbContext>());
    }

    /// <summary>An API client signed in with a bearer token for the account.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? throw new InvalidOperationException("No token in the response.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public Task<HttpClient> ApiClientForRoleAsync(string role) => ApiClientAsync(DemoAccounts.For(role).Email);

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the sign-in form.</summary>
    public async Task<HttpClient> PageClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AntiForgeryToken(form),
        }));
        if ((int)response.StatusCode != 302)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    public Task<HttpClient> PageClientForRoleAsync(string role) => PageClientAsync(DemoAccounts.For(role).Email);

    public static string AntiForgeryToken(string html) =>
        AntiForgeryPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token.");

    /// <summary>Adds an account with a role and scope, for tests that need a second user of a kind.</summary>
    public async Task<CcsUser> CreateUserAsync(string email, string role, int? county = null, Guid? organizationId = null)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CcsUser>>();
        var user = new CcsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CountyCode = county, ProviderOrganizationId = organizationId };
        Check(await users.CreateAsync(user, DemoAccounts.Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_sqliteFile is not null)
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryPattern();

    private sealed record TokenResponse(string AccessToken);
}
