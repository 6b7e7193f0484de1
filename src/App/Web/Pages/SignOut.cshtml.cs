using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Staff;

namespace PepFunctions.App.Web.Pages;

/// <summary>
/// <c>/keluar</c>: signs out (POST only, with the antiforgery token) and returns to the sign-in form; a staff member signed
/// in through the platform (App Service authentication) is sent to the platform's sign-out, <c>/.auth/logout</c>, which
/// ends that session too and then returns to the sign-in form.
/// </summary>
internal sealed class SignOutModel : StaffPageModel
{
    /// <summary>The platform's sign-out endpoint.</summary>
    public const string PlatformSignOut = "/.auth/logout";

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(StaffHosting.IsPlatformSignIn(HttpContext)
            ? $"{PlatformSignOut}?post_logout_redirect_uri={Uri.EscapeDataString(StaffHosting.SignInPath)}"
            : StaffHosting.SignInPath);
    }
}
