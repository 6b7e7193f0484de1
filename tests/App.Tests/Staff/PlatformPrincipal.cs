using System.Text;
using System.Text.Json;

namespace PepFunctions.App.Tests.Staff;

/// <summary>
/// A person as App Service authentication (Entra ID) passes them to the app: the <c>X-MS-CLIENT-PRINCIPAL</c> header,
/// base64 of a JSON object whose <c>claims</c> hold the sign-in name, the object id and the tenant id.
/// </summary>
internal sealed record PlatformPrincipal(string Username, string ObjectId, string TenantId)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The ministry's (made-up) tenant.</summary>
    public const string MinistryTenant = "11111111-2222-3333-4444-555555555555";

    /// <summary>A new person of the ministry's tenant with a fresh object id.</summary>
    public static PlatformPrincipal New(string username) => new(username, Guid.NewGuid().ToString(), MinistryTenant);

    /// <summary>The header's value.</summary>
    public string Encoded()
    {
        var principal = JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = new[]
            {
                new { typ = "preferred_username", val = Username },
                new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = ObjectId },
                new { typ = "http://schemas.microsoft.com/identity/claims/tenantid", val = TenantId },
                new { typ = "name", val = "Test person" },
            },
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(principal));
    }

    /// <summary>A client whose every request carries this person's header, as behind the platform.</summary>
    public HttpClient ClientFor(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add(Header, Encoded());
        return client;
    }
}
