using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace PepFunctions.App.Web.Pages;

/// <summary><c>/keluar</c>: signs out (POST only, with the antiforgery token) and returns to the sign-in form.</summary>
internal sealed class SignOutModel : StaffPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/masuk");
    }
}
