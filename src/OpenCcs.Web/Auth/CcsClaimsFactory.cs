using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Auth;

/// <summary>Adds the user's scope to their identity at sign-in, so no request needs a database trip to know it.</summary>
public sealed class CcsClaimsFactory(UserManager<CcsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CcsUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CcsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CcsClaims.DisplayName, user.DisplayName));
        if (user.CountyCode is { } county)
            identity.AddClaim(new Claim(CcsClaims.County, county.ToString("00", CultureInfo.InvariantCulture)));
        if (user.ProviderOrganizationId is { } org)
            identity.AddClaim(new Claim(CcsClaims.Organization, org.ToString()));
        return identity;
    }
}
