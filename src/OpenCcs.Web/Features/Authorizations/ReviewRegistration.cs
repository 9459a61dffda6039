namespace OpenCcs.Web.Features.Authorizations;

/// <summary>Handlers and endpoints for reviewing SARs: worklists, decisions, routing to the state, notices.</summary>
public static class ReviewRegistration
{
    public static IServiceCollection AddSarReview(this IServiceCollection services) => services;

    public static void MapSarReview(this RouteGroupBuilder api)
    {
    }
}
