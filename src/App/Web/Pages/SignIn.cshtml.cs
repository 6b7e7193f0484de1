using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages;

/// <summary><c>/masuk</c>: the sign-in form, listing the demo accounts when they are switched on.</summary>
internal sealed class SignInModel(StaffDirectory directory, IOptions<StaffOptions> options, IConfiguration configuration) : StaffPageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<StaffMember> DemoAccounts => options.Value.DemoAccounts ? StaffDirectory.Demo : [];

    /// <summary>The demo password, shown only on a local run (never where an Azure setting is present).</summary>
    public string? DemoPassword => StaffHosting.AzureSettings.Any(s => !string.IsNullOrEmpty(configuration[s])) ? null : options.Value.DemoPassword;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)
            || !directory.CheckDemoPassword(Username.Trim(), Password) || await directory.FindAsync(Username.Trim(), cancellationToken) is not { } staff)
        {
            Fail("signin", L["SignIn.Failed"], StatusCodes.Status401Unauthorized);
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, staff.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
