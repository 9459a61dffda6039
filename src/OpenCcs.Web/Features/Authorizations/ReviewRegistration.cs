using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenCcs.Core.Authorizations;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Reference;
using OpenCcs.Web.Features.Notices;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>Handlers and endpoints for reviewing SARs: worklists, decisions, routing to the state, notices.</summary>
public static class ReviewRegistration
{
    public static IServiceCollection AddSarReview(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => ReviewTimeLimitsLoader.Load());
        services.TryAddSingleton(_ => IscdRoutingTableLoader.Load());
        services.TryAddSingleton(_ => ServiceCodeGroupTableLoader.Load());
        services.AddScoped<ReviewScope>();
        services.AddScoped<BuildWorklist>();
        services.AddScoped<ReviewSar>();
        services.AddScoped<DecideNotices>();
        services.AddScoped<DecideSar>();
        services.AddScoped<ListFamilyNotices>();
        services.AddScoped<GetNoticePdf>();
        services.AddScoped<MailingBatches>();
        return services;
    }

    public static void MapSarReview(this RouteGroupBuilder api)
    {
        var reviewers = api.MapGroup("").WithTags("SAR review")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.NurseCaseManager, Roles.PlanReviewer, Roles.IscdReviewer));
        reviewers.MapGet("/worklist", async ([AsParameters] WorklistQuery query, BuildWorklist handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(query, ct)))
            .WithSummary("SARs waiting for the caller's review, the soonest due first, with the time each has left.");
        reviewers.MapGet("/sars/{number}/review", async Task<Results<Ok<SarReview>, NotFound>> (string number, ReviewSar handler, CancellationToken ct) =>
                await handler.HandleAsync(number, ct) is { } review ? TypedResults.Ok(review) : TypedResults.NotFound())
            .WithSummary("A SAR as its reviewer sees it: the request, its version, its review clock and the actions open now.");
        reviewers.MapPost("/sars/{number}/decisions", async Task<Results<Ok<DecisionResult>, NotFound, ProblemHttpResult>> (
                string number, SarDecisionRequest request, DecideSar handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(number, request, ct);
                return result.Outcome switch
                {
                    DecisionOutcome.Saved => TypedResults.Ok(result),
                    DecisionOutcome.Conflict => TypedResults.Problem(
                        title: "Someone else decided first.",
                        detail: "The SAR changed after you read it, so your decision was not saved. Read it again to see what changed, then decide.",
                        statusCode: StatusCodes.Status409Conflict),
                    _ => TypedResults.NotFound(),
                };
            })
            .WithSummary("Records a review action (begin-review, approve, modify, deny, pend, resume, cancel, forward, return) on the version of the SAR the caller read.");
    }
}
