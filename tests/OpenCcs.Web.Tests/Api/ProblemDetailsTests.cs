using System.Net;
using System.Net.Http.Headers;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Api;

/// <summary>
/// The API answers every refusal and miss with RFC 9457 problem details (application/problem+json with
/// status, title and the request id), whichever way the caller authenticated; pages answer with a page for people.
/// </summary>
public abstract class ProblemDetailsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    [Fact]
    public async Task Anonymous_api_call_is_401_problem_details()
    {
        var response = await app.AnonymousClient().GetAsync("/api/v1/children");

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Api_call_with_an_invalid_bearer_token_is_401_problem_details()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var response = await client.GetAsync("/api/v1/children");

        await Responses.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_caller_without_the_policy_gets_403_problem_details()
    {
        var admin = await app.ApiClientFor(Roles.Administrator);

        var response = await admin.GetAsync("/api/v1/children");

        await Responses.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cookie_caller_without_the_policy_gets_403_problem_details_not_a_redirect()
    {
        var nurse = await app.PageClientFor(Roles.NurseCaseManager);

        var response = await nurse.GetAsync("/api/v1/audit");

        await Responses.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Record_not_found_is_404_problem_details()
    {
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);

        var response = await nurse.GetAsync($"/api/v1/children/{Guid.NewGuid()}");

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v2/children")]
    public async Task Unknown_api_route_is_404_problem_details(string route)
    {
        var nurse = await app.ApiClientFor(Roles.NurseCaseManager);

        var response = await nurse.GetAsync(route);

        await Responses.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Json_accepting_client_gets_problem_details_too()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var response = await client.GetAsync("/api/v1/sars");

        await Responses.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/Children/00000000-0000-0000-0000-000000000001")]
    public async Task Page_not_found_shows_the_friendly_status_page(string path)
    {
        var nurse = await app.PageClientFor(Roles.NurseCaseManager);

        var response = await nurse.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Responses.HtmlAsync(response);
        Assert.Equal("We cannot find that page", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Error code: 404", page.Body?.TextContent);
    }
}

public sealed class ProblemDetailsOnSqlite(SqliteApp app) : ProblemDetailsTests<SqliteApp>(app);

public sealed class ProblemDetailsOnPostgres(PostgresApp app) : ProblemDetailsTests<PostgresApp>(app);
