using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace PepFunctions.App.Web.Localization;

/// <summary>
/// Bahasa Indonesia by default; English when the request says <c>?lang=en</c> or carries the culture cookie
/// that such a request leaves behind, so the choice sticks from page to page.
/// </summary>
internal static class PageLocalization
{
    /// <summary>The query key of the language switch: <c>?lang=en</c>, <c>?lang=id</c>.</summary>
    public const string QueryKey = "lang";

    private static readonly CultureInfo[] Cultures = [new(StringTable.Indonesian), new(StringTable.English)];

    public static IServiceCollection AddPageLocalization(this IServiceCollection services)
    {
        // ASP.NET Core's resource localizer over Texts.resx and Texts.en.resx (Localization/StringTable.cs).
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(StringTable.Indonesian);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Sets the request's culture, and remembers an explicit <c>?lang=</c> choice in the culture cookie.</summary>
    public static IApplicationBuilder UsePageLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Use(static (http, next) =>
        {
            if (http.Request.Query.ContainsKey(QueryKey)
                && http.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider)
            {
                var culture = CultureInfo.CurrentUICulture.Name;
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            }

            return next(http);
        });
        return app;
    }
}
