using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Dashboards;
using PepFunctions.App.Staff;
using PepFunctions.App.Web.Localization;

namespace PepFunctions.App.Web;

/// <summary>
/// The staff pages: server-rendered Razor Pages under <c>Web/Pages</c>, in Bahasa Indonesia with an English
/// switch, usable without JavaScript. Every page needs the staff policy except the sign-in form and the status
/// page; every form carries an antiforgery token, which Razor Pages checks on each POST. The page functions
/// (<see cref="PageFunctions"/>) run them through <see cref="StaffPages"/>.
/// </summary>
internal static class WebHosting
{
    /// <summary>The antiforgery cookie's name.</summary>
    public const string AntiforgeryCookie = "pep.af";

    /// <summary>Adds the Razor Pages, their localization and antiforgery, the dashboard, and <see cref="StaffPages"/>.</summary>
    public static IHostApplicationBuilder AddStaffPages(this IHostApplicationBuilder builder)
    {
        builder.AddDashboards();
        builder.Services.AddPageLocalization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services
            .AddRazorPages(o =>
            {
                o.RootDirectory = "/Web/Pages";
                o.Conventions.AuthorizeFolder("/", StaffHosting.StaffPolicy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/Status");
                o.Conventions.AllowAnonymousToPage("/Catalogue");
            })
            // The pages are compiled into this assembly, which is not the entry assembly when a test or the local runner hosts the app.
            .AddApplicationPart(typeof(WebHosting).Assembly)
            .AddMvcOptions(o =>
            {
                o.Filters.Add<ServiceExceptionPageFilter>();
                // Amounts typed the Indonesian way (10.000.000) bind as numbers.
                o.ModelBinderProviders.Insert(0, new WholeNumberBinderProvider());
            });
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(static (o, factory) =>
            BindingMessages.Localize(o.ModelBindingMessageProvider, factory.Create(typeof(Texts))));
        builder.Services.AddSingleton<StaffPages>();
        builder.Services.AddSingleton<WorkQueue>();
        return builder;
    }
}
