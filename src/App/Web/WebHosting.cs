using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Dashboards;
using PepFunctions.App.Staff;
using PepFunctions.App.Web.Localization;

namespace PepFunctions.App.Web;

/// <summary>
/// The staff pages: server-rendered Razor Pages under <c>Web/Pages</c>, in Bahasa Indonesia with an English
/// switch, usable without JavaScript. Every page needs the staff policy except the sign-in form; every form
/// carries an antiforgery token, which Razor Pages checks on each POST.
/// </summary>
internal static class WebHosting
{
    /// <summary>The antiforgery cookie's name.</summary>
    public const string AntiforgeryCookie = "pep.af";

    public static WebApplicationBuilder AddStaffPages(this WebApplicationBuilder builder)
    {
        UseBuildStaticWebAssets(builder);
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
            })
            // The pages are compiled into this assembly, which is not the entry assembly when tests host the app.
            .AddApplicationPart(typeof(WebHosting).Assembly)
            .AddMvcOptions(o => o.Filters.Add<ServiceExceptionPageFilter>());
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(static (o, factory) =>
            BindingMessages.Localize(o.ModelBindingMessageProvider, factory.Create(typeof(Texts))));
        return builder;
    }

    /// <summary>Localization, status pages, the stylesheet and routing; call before <c>UseStaffSignIn</c>.</summary>
    public static WebApplication UseStaffPages(this WebApplication app)
    {
        app.UsePageLocalization();
        // Pages explain an error status in words; the JSON API keeps its ProblemDetails.
        app.UseWhen(
            static http => !http.Request.Path.StartsWithSegments("/api"),
            static pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();

        // Routing after the status pages, so a re-executed request is routed again to /status/{code}.
        app.UseRouting();
        return app;
    }

    /// <summary>
    /// Serves <c>src/App/wwwroot</c> through the build's static web assets manifest, found beside this assembly
    /// rather than by the entry assembly's name (tests host the app in the test runner). A published app has no
    /// manifest and serves its own <c>wwwroot</c>.
    /// </summary>
    private static void UseBuildStaticWebAssets(WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, typeof(WebHosting).Assembly.GetName().Name + ".staticwebassets.runtime.json");
        if (File.Exists(manifest) && builder.Configuration[WebHostDefaults.StaticWebAssetsKey] is null)
        {
            builder.Configuration[WebHostDefaults.StaticWebAssetsKey] = manifest;
            builder.WebHost.UseStaticWebAssets();
        }
    }

    public static WebApplication MapStaffPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
