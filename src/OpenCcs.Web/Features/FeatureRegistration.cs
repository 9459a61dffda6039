using OpenCcs.Data.Reference;
using OpenCcs.Web.Features.Account;
using OpenCcs.Web.Features.Admin;
using OpenCcs.Web.Features.Authorizations;
using OpenCcs.Web.Features.Children;
using OpenCcs.Web.Features.Claims;
using OpenCcs.Web.Features.Dashboard;
using OpenCcs.Web.Features.Emergencies;
using OpenCcs.Web.Features.Reference;

namespace OpenCcs.Web.Features;

/// <summary>Every use-case handler, and the /api/v1 endpoint groups; one line per feature.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        services.AddSingleton(_ => CountyDirectoryLoader.Load());
        services.AddScoped<ListChildren>();
        services.AddScoped<GetChild>();
        services.AddScoped<ChangeGuardianAddress>();
        services.AddScoped<ChildByCard>();
        services.AddScoped<ListSars>();
        services.AddScoped<GetSar>();
        services.AddScoped<GetSarDocument>();
        services.AddScoped<BuildDashboard>();
        services.AddScoped<ListAuditEvents>();
        services.AddSarSubmission();
        services.AddSarReview();
        services.AddClaimCheck();
        services.AddEmergencyAdmissions();
        return services;
    }

    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapToken();
        api.MapMe();
        api.MapCounties();
        api.MapChildren();
        api.MapSars();
        api.MapSarSubmission();
        api.MapSarReview();
        api.MapClaimCheck();
        api.MapEmergencyAdmissions();
        api.MapAudit();
        return api;
    }
}
