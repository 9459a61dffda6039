using OpenCcs.Web.Tests.Authorization;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Hosting;

/// <summary>
/// Every page, as every caller who may see it, is sent with headers that stop sniffing, framing and
/// referrer leaks, and every form that posts carries an anti-forgery token.
/// </summary>
public abstract class SecurityHeadersTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    public static TheoryData<string> Pages => [.. AccessTable.Routes.Where(r => r.Surface == Surface.Page).Select(r => r.Key)];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_is_sent_with_the_security_headers(string route)
    {
        var access = AccessTable.Find(route);

        foreach (var principal in AccessTable.Principals.Where(access.Allows))
        {
            var client = await app.PageClientFor(principal);
            using var response = await client.GetAsync(access.Path(await app.RecordsFor(principal)));

            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("form-action 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_post_form_on_the_page_carries_an_anti_forgery_token(string route)
    {
        var access = AccessTable.Find(route);
        var checkedForms = 0;

        foreach (var principal in AccessTable.Principals.Where(access.Allows))
        {
            var client = await app.PageClientFor(principal);
            using var response = await client.GetAsync(access.Path(await app.RecordsFor(principal)));
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;

            var page = await Responses.HtmlAsync(response);
            var posts = page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.All(posts, form =>
            {
                var token = form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value");
                Assert.False(string.IsNullOrWhiteSpace(token), $"A form posting to '{form.GetAttribute("action")}' on {route} for {principal} has no anti-forgery token.");
            });
            checkedForms += posts.Count;
        }

        // Every page shown to a signed-in user carries the sign-out form, so finding none means the check saw no page.
        if (AccessTable.Principals.Where(access.Allows).Any(p => p != AccessTable.Anonymous && access.AnswerFor(p) is Answer.Shown))
            Assert.True(checkedForms > 0, $"No POST form found on {route}: is the page still rendered?");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");
}

public sealed class SecurityHeadersOnSqlite(SqliteApp app) : SecurityHeadersTests<SqliteApp>(app);

public sealed class SecurityHeadersOnPostgres(PostgresApp app) : SecurityHeadersTests<PostgresApp>(app);
