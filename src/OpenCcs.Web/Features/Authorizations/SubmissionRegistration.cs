namespace OpenCcs.Web.Features.Authorizations;

/// <summary>Handlers and endpoints for submitting SARs and following their status (the provider's side).</summary>
public static class SubmissionRegistration
{
    public static IServiceCollection AddSarSubmission(this IServiceCollection services) => services;

    public static void MapSarSubmission(this RouteGroupBuilder api)
    {
    }
}
