using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages;

/// <summary><c>/masuk</c>: the sign-in form, listing the demo accounts when they are switched on.</summary>
internal sealed class SignInModel(StaffDirectory directory, IOptions<StaffOptions> options) : StaffPageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<StaffMember> DemoAccounts => options.Value.DemoAccounts ? StaffDirectory.Demo : [];

    public string DemoPassword => options.Value.DemoPassword;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)
            || !directory.CheckDemoPassword(Username.Trim(), Password) || directory.Find(Username.Trim()) is not { } staff)
        {
            Fail("signin", L["SignIn.Failed"], StatusCodes.Status401Unauthorized);
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, staff.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
