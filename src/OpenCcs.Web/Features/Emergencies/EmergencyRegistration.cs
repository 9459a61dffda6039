using Microsoft.AspNetCore.Http.HttpResults;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Emergencies;

public static class EmergencyRegistration
{
    public const string ReportPolicy = "emergency-reporters";

    public static IServiceCollection AddEmergencyAdmissions(this IServiceCollection services)
    {
        services.AddScoped<EmergencyAdmissions>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReportPolicy, p => p.RequireAuthenticatedUser().RequireRole(EmergencyAdmissions.Reporters));
        return services;
    }

    public static void MapEmergencyAdmissions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/emergency-admissions").WithTags("Emergency admissions");
        group.MapPost("/", async (EmergencyReport report, EmergencyAdmissions handler, CancellationToken ct) =>
                Answer(await handler.ReportAsync(report, ct), created: true))
            .RequireAuthorization(ReportPolicy)
            .WithSummary("Reports an emergency admission at a hospital that is not CCS-approved: due with its documents by the end of the next business day.");
        var county = group.MapGroup("").RequireAuthorization(Policies.CountyStaff);
        county.MapGet("/", async ([AsParameters] EmergencyListQuery query, EmergencyAdmissions handler, CancellationToken ct) =>
            {
                var items = await handler.ListAsync(query, ct);
                return TypedResults.Ok(new EmergencyAdmissionList(items, items.Count));
            })
            .WithSummary("The county office's emergency admissions awaiting transfer, documents missing first, soonest due first.");
        county.MapGet("/{id:guid}", async Task<Results<Ok<EmergencyAdmissionView>, NotFound>> (Guid id, EmergencyAdmissions handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } admission ? TypedResults.Ok(admission) : TypedResults.NotFound())
            .WithSummary("One emergency admission of the county.");
        county.MapPost("/{id:guid}/documentation", async (Guid id, EmergencyUpdate update, EmergencyAdmissions handler, CancellationToken ct) =>
                Answer(await handler.ReceiveDocumentationAsync(id, update, ct)))
            .WithSummary("Records that the documents proving the emergency arrived (at the time given, or now).");
        county.MapPost("/{id:guid}/transfer", async (Guid id, EmergencyUpdate update, EmergencyAdmissions handler, CancellationToken ct) =>
                Answer(await handler.RecordTransferAsync(id, update, ct)))
            .WithSummary("Records the child's transfer to a CCS-approved hospital, named by NPI.");
    }

    private static IResult Answer(EmergencyOutcome outcome, bool created = false) => outcome switch
    {
        EmergencyOutcome.Saved saved when created => TypedResults.Created($"/api/v1/emergency-admissions/{saved.Admission.Id}", saved.Admission),
        EmergencyOutcome.Saved saved => TypedResults.Ok(saved.Admission),
        EmergencyOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The emergency admission has problems to correct."),
        EmergencyOutcome.Conflict conflict => TypedResults.Problem(
            $"Someone else recorded a step on this admission first. Read it again (version {conflict.Version}) and retry if it is still needed.",
            statusCode: StatusCodes.Status409Conflict, title: "The admission changed since you read it."),
        _ => TypedResults.NotFound(),
    };
}
