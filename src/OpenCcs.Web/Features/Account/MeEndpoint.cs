using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Account;

public sealed record Me(string Id, string UserName, string DisplayName, string Role, string? County, Guid? OrganizationId);

public static class MeEndpoint
{
    public static void MapMe(this RouteGroupBuilder api) =>
        api.MapGet("/me", (CurrentUser user) => TypedResults.Ok(new Me(user.Id, user.UserName, user.DisplayName, user.Role, user.County?.ToString(), user.OrganizationId)))
            .WithTags("Account")
            .WithSummary("Who the token or cookie belongs to: role and scope.");
}
