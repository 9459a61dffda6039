using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Authorization;

/// <summary>
/// The authorization matrix: every route the app really maps, asked by every role and by an anonymous
/// caller, answers as <see cref="AccessTable"/> says. Route parameters name a record inside the caller's
/// scope, so a refusal here is always the role's, never the record's.
/// </summary>
public abstract class EveryEndpointAndPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    [Fact]
    public void Every_route_the_app_maps_has_an_entry_in_the_access_table()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => $"{method} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var specified = AccessTable.Routes.Select(r => r.Key).ToHashSet();

        Assert.True(mapped.Count > 20, $"Only {mapped.Count} routes found; is the endpoint data source the app's?");
        Assert.True(mapped.IsSubsetOf(specified), "Routes with no entry in AccessTable: " + string.Join(", ", mapped.Except(specified)));
        Assert.True(specified.IsSubsetOf(mapped), "AccessTable entries the app does not map: " + string.Join(", ", specified.Except(mapped)));
    }

    [Theory]
    [MemberData(nameof(AccessTable.Cases), MemberType = typeof(AccessTable))]
    public async Task Route_answers_every_caller_as_the_access_table_says(string route, string principal)
    {
        var access = AccessTable.Find(route);
        var records = await app.RecordsFor(principal);
        var client = access.Surface == Surface.Page ? await app.PageClientFor(principal) : await app.ApiClientFor(principal);
        var path = access.Path(records);
        using var request = new HttpRequestMessage(new HttpMethod(access.Method), path);
        if (access.Body is { } body) request.Content = JsonContent.Create(body(principal));

        using var response = await client.SendAsync(request);

        if (access.Allows(principal))
            await AssertAnsweredAsync(access.AnswerFor(principal), response, records);
        else if (access.Surface == Surface.Page)
        {
            var query = Responses.AssertRedirect(response, principal == AccessTable.Anonymous ? "/Account/SignIn" : "/Account/AccessDenied");
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), query);
        }
        else
            await Responses.AssertProblemAsync(response, principal == AccessTable.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
    }

    private static async Task AssertAnsweredAsync(Answer answer, HttpResponseMessage response, VisibleRecords records)
    {
        switch (answer)
        {
            case Answer.Shown shown:
                Assert.Equal(shown.Status, (int)response.StatusCode);
                if (shown.Text is { } text)
                    Assert.Contains(text(records), await response.Content.ReadAsStringAsync());
                break;
            case Answer.RedirectedTo redirect:
                Responses.AssertRedirect(response, redirect.Path);
                break;
            default:
                throw new InvalidOperationException($"No check for {answer}.");
        }
    }
}

public sealed class EveryEndpointAndPageOnSqlite(SqliteApp app) : EveryEndpointAndPageTests<SqliteApp>(app);

public sealed class EveryEndpointAndPageOnPostgres(PostgresApp app) : EveryEndpointAndPageTests<PostgresApp>(app);
