using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace PepFunctions.App.Staff;

/// <summary>
/// The data-protection key ring in a blob container of the app's storage account (<c>{hub lowercase}-keys</c>), one blob
/// per key, so every instance of the app — and every runner process on the same storage — encrypts and decrypts the staff
/// cookie and the forms' antiforgery tokens with the same keys, across restarts and scale-out.
/// </summary>
/// <remarks>
/// Reached like every other blob: the connection string locally, the managed identity in Azure (Storage Blob Data Owner).
/// The keys are stored unencrypted in the container; only the app's identity can read the account (no shared keys, no
/// public access). <see cref="IXmlRepository"/> is synchronous, and data protection calls it rarely (at start, and when a
/// key is created or an unknown key is met), so the blob calls here are synchronous too.
/// </remarks>
internal sealed class BlobKeyRing(BlobContainerClient container) : IXmlRepository
{
    private readonly Lazy<BlobContainerClient> _created = new(() =>
    {
        container.CreateIfNotExists();
        return container;
    });

    /// <summary>The container's name for the task hub <paramref name="hubName"/>.</summary>
    public static string ContainerName(string hubName) => hubName.ToLowerInvariant() + "-keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var ring = _created.Value;
        var elements = new List<XElement>();
        foreach (var blob in ring.GetBlobs())
        {
            using var content = ring.GetBlobClient(blob.Name).DownloadContent().Value.Content.ToStream();
            elements.Add(XElement.Load(content));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = (string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName) + ".xml";
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        try
        {
            // Names are unique (a key's id): never overwrite what another instance stored.
            _created.Value.GetBlobClient(name).Upload(content, overwrite: false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new InvalidOperationException($"The key ring already holds '{name}'.", ex);
        }
    }
}
