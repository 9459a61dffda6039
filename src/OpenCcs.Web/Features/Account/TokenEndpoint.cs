using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Features.Account;

public sealed record TokenRequest([property: Required] string Email, [property: Required] string Password);

/// <summary>
/// Scripts and tests get a bearer token for a user: POST /api/v1/auth/token with {"email","password"}
/// answers {"tokenType":"Bearer","accessToken":"…","expiresIn":3600,"refreshToken":"…"}; send
/// <c>Authorization: Bearer &lt;accessToken&gt;</c> on later calls. Failed attempts count toward lockout.
/// </summary>
public static class TokenEndpoint
{
    public static void MapToken(this RouteGroupBuilder api) =>
        api.MapPost("/auth/token", async Task<IResult> (TokenRequest request, SignInManager<CcsUser> signIn) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["Enter the account's email address."];
                if (string.IsNullOrWhiteSpace(request.Password)) errors["password"] = ["Enter the account's password."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
                return TypedResults.Problem(
                    title: result.IsLockedOut ? "Account locked." : "Sign-in failed.",
                    detail: result.IsLockedOut ? "Too many failed attempts; try again in 15 minutes." : "The email or password is not right.",
                    statusCode: StatusCodes.Status401Unauthorized);
            })
            .AllowAnonymous()
            .WithTags("Account")
            .WithSummary("Exchange an email and password for a bearer token.");
}
