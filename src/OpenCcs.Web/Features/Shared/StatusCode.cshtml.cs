using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcs.Web.Features.Shared;

/// <summary>
/// Explains an HTTP error status in plain words. The status-code pages middleware re-runs the
/// request here (<c>/StatusCode/{code}</c>) and keeps the original status.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class StatusCodeModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public bool OfferSignIn { get; private set; }

    public void OnGet(int code)
    {
        Code = code;
        (Heading, Explanation, OfferSignIn) = code switch
        {
            400 => ("We could not understand that request",
                "The link or form sent something OpenCCS could not read. Go back and try again.", false),
            401 => ("Please sign in",
                "You need to sign in before you can see this page.", true),
            403 => ("You do not have access to this page",
                "Your account is signed in, but its role does not allow this page or this record. If you think you need it, ask your supervisor or OpenCCS administrator.", false),
            404 => ("We cannot find that page",
                "The address may be mistyped, or the page or record may have moved or been removed. Check the address, or start again from the home page.", false),
            405 => ("That action is not allowed here",
                "This page cannot do what was asked of it. Go back and try again from the page's own buttons.", false),
            429 => ("Too many requests",
                "OpenCCS has received a lot of requests from you in a short time. Wait a minute, then try again.", false),
            >= 500 and <= 599 => ("Something went wrong",
                "OpenCCS could not finish what you asked. Please try again in a few minutes.", false),
            _ => ("This page cannot be shown",
                "OpenCCS could not show this page. Go back and try again, or start from the home page.", false),
        };

        // Visiting /StatusCode/404 directly should still answer 404, not 200.
        if (code is >= 400 and <= 599)
        {
            Response.StatusCode = code;
        }
    }

    public void OnPost(int code) => OnGet(code);
}
