using Microsoft.AspNetCore.Http.HttpResults;
using OpenCcs.Core.Common;
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
        group.MapPut("/{id:guid}/guardians/{guardianId:int}/address",
                async Task<Results<Ok<PostalAddress>, ValidationProblem, ProblemHttpResult, NotFound>> (
                    Guid id, int guardianId, AddressInput address, ChangeGuardianAddress handler, CancellationToken ct) =>
                    await handler.HandleAsync(id, guardianId, address, ct) switch
                    {
                        AddressChange.Saved saved => TypedResults.Ok(saved.Address),
                        AddressChange.Invalid invalid => TypedResults.ValidationProblem(invalid.ByField(), title: "The address has problems to correct."),
                        AddressChange.Refused refused => TypedResults.Problem(refused.Detail, statusCode: StatusCodes.Status403Forbidden, title: "You may not change this address."),
                        _ => TypedResults.NotFound(),
                    })
            .WithSummary("Changes where a guardian's notices are mailed. County staff for their county's children; a family member for themselves.");
    }
}
