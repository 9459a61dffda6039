using Microsoft.AspNetCore.Http.HttpResults;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

public static class SarEndpoints
{
    public static void MapSars(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sars").WithTags("Service Authorization Requests").RequireAuthorization(Policies.ChildRecords);
        group.MapGet("/", async ([AsParameters] SarListQuery query, ListSars handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(query, ct)))
            .WithSummary("SARs the caller may see, newest first.");
        group.MapGet("/{number}", async Task<Results<Ok<SarDetails>, NotFound>> (string number, GetSar handler, CancellationToken ct) =>
                await handler.HandleAsync(number, ct) is { } sar ? TypedResults.Ok(sar) : TypedResults.NotFound())
            .WithSummary("One SAR by its 11-digit number: status, lines, decision and history.");
    }
}
