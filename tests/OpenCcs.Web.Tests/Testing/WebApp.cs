using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;

namespace OpenCcs.Web.Tests.Testing;

/// <summary>
/// One seeded app per test class and database. Signed-in clients are kept per role so that a class's
/// tests do not pay for a password hash on every request; tests that change an account make their own.
/// </summary>
public abstract class WebApp(TestDatabase database) : CcsApp(database)
{
    public const string Anonymous = "anonymous";

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _apiClients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _pageClients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<VisibleRecords>>> _records = new();

    /// <summary>A bearer-token client for the role's demo account; for <see cref="Anonymous"/>, a client with no credentials.</summary>
    public Task<HttpClient> ApiClientFor(string principal) =>
        _apiClients.GetOrAdd(principal, p => new(() => p == Anonymous ? Task.FromResult(AnonymousClient()) : BearerClientAsync(DemoAccounts.For(p).Email))).Value;

    /// <summary>A signed-in cookie client (no automatic redirects) for the role's demo account; for <see cref="Anonymous"/>, one not signed in.</summary>
    public Task<HttpClient> PageClientFor(string principal) =>
        _pageClients.GetOrAdd(principal, p => new(() => p == Anonymous ? Task.FromResult(AnonymousClient()) : PageClientForRoleAsync(p))).Value;

    /// <summary>A child and SAR inside the caller's scope.</summary>
    public Task<VisibleRecords> RecordsFor(string principal) =>
        _records.GetOrAdd(principal, p => new(() => WithDbAsync(db => ScopedRecords.ForAsync(db, p)))).Value;

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Like <see cref="CcsApp.ApiClientAsync"/>, but a redirect is returned rather than followed: an API should never send one.</summary>
    public async Task<HttpClient> BearerClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The id of the newest audit event, to find the events a test's requests add after it.</summary>
    public Task<long> LastAuditIdAsync() => WithDbAsync(async db => await db.AuditEvents.MaxAsync(a => (long?)a.Id) ?? 0);

    public Task<List<AuditEvent>> AuditEventsAfterAsync(long id) =>
        WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync());

    public Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}

public sealed class SqliteApp() : WebApp(TestDatabase.Sqlite);

public sealed class PostgresApp() : WebApp(TestDatabase.Postgres);
