using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace PepFunctions.App.Staff;

/// <summary>
/// Encrypts the data-protection keys at rest (<see cref="BlobKeyRing"/>) with a certificate kept in Key Vault: settings
/// <c>DataProtection:KeyVaultUri</c> and <c>DataProtection:CertificateName</c> (set by <c>infra/</c>; the certificate is made
/// once, see <c>infra/README.md</c>). The certificate, with its private key, is downloaded at start with the app's managed
/// identity (<c>Key Vault Secrets User</c> on the vault); without the settings (local runs) the keys are stored plain.
/// </summary>
/// <remarks>
/// Someone who can read the key container but not the vault can then neither read the keys nor mint a cookie or a form token.
/// </remarks>
internal static class KeyRingProtection
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DataProtection";

    /// <summary>Adds the certificate's protection to <paramref name="dataProtection"/> when the settings name one.</summary>
    public static IDataProtectionBuilder ProtectKeysWithVaultCertificate(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        if (section["KeyVaultUri"] is not { Length: > 0 } vault || section["CertificateName"] is not { Length: > 0 } name)
        {
            return dataProtection;
        }

        var client = new CertificateClient(new Uri(vault), Credential(configuration));
        // Synchronous, once, at start: without the certificate no key can be read, so the app does not start.
        var certificate = client.DownloadCertificate(name).Value;
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>The app's identity: the user-assigned identity the storage uses when one is named, else the default chain.</summary>
    private static TokenCredential Credential(IConfiguration configuration) =>
        configuration.GetSection(Hosting.StorageOptions.ConnectionKey)["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
