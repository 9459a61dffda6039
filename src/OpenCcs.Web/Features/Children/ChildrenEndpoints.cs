using Microsoft.AspNetCore.Http.HttpResults;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Children;

public static class ChildrenEndpoints
{
    public static void MapChildren(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/children").WithTags("Children").RequireAuthorization(Policies.ChildRecords);
        group.MapGet("/", async ([AsParameters] ChildListQuery query, ListChildren handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(query, ct)))
            .WithSummary("Children the caller may see, searchable by name or CIN, filterable by county, sorted and paged.");
        group.MapGet("/{id:guid}", async Task<Results<Ok<ChildDetails>, NotFound>> (Guid id, GetChild handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } child ? TypedResults.Ok(child) : TypedResults.NotFound())
            .WithSummary("One child's record with cases, referrals and SARs. Children outside the caller's scope are not found.");
    }
}
