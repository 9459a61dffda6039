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
            .WithSummary("One SAR by its 11-digit number: status, lines, decision, history and the documents the caller may open.");
        group.MapGet("/{number}/documents/{id:guid}", async Task<Results<FileContentHttpResult, NotFound>> (string number, Guid id, GetSarDocument handler, CancellationToken ct) =>
                await handler.HandleAsync(number, id, ct) is { } pdf ? TypedResults.File(pdf.Content, "application/pdf", pdf.FileName) : TypedResults.NotFound())
            .WithSummary("One of the SAR's documents as a PDF: the approval for the requesting provider; every letter and the ISCD cover sheet for reviewers.");
    }
}
