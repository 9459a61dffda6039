using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Features.Account;

/// <summary>Sign-out is a POST with an anti-forgery token, so no link on another site can sign a user out.</summary>
public sealed class SignOutModel(SignInManager<CcsUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Dashboard/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
