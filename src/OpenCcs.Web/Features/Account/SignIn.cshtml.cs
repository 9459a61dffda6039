using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;

namespace OpenCcs.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<CcsUser> signIn, IWebHostEnvironment environment) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Demo accounts are listed in Development only.</summary>
    public IReadOnlyList<DemoAccount> DemoAccountList => environment.IsDevelopment() ? DemoAccounts.All : [];

    public string DemoPassword => DemoAccounts.Password;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Dashboard");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask your administrator to unlock it."
            : "The email or password is not right. Check both and try again.");
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
