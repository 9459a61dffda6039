using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Admin;

public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api) =>
        api.MapGet("/audit", async ([AsParameters] AuditQuery query, ListAuditEvents handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(query, ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Administration")
            .WithSummary("Audit events, newest first, with filters.");
}
