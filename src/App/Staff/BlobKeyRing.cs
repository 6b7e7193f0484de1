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
/// <para>
/// Reached like every other blob: the connection string locally, the managed identity in Azure (Storage Blob Data Owner).
/// In Azure the keys are encrypted before they are stored here, with a certificate from Key Vault
/// (<see cref="StaffHosting"/>, <c>DataProtection:CertificateName</c>); locally they are plain. <see cref="IXmlRepository"/>
/// is synchronous, and data protection calls it rarely (at start, and when a key is created or an unknown key is met), so
/// the blob calls here are synchronous too.
/// </para>
/// <para>
/// A failure (the container could not be created, storage was briefly unreachable) is never cached: the next call tries
/// again. The first key is made once even when instances start together on an empty container: it is written under one
/// fixed name only if no blob has it yet (<c>If-None-Match: *</c>); the instance that loses gets an error, and data
/// protection reads the ring again on its next use and takes the winner's key.
/// </para>
/// </remarks>
internal sealed class BlobKeyRing(BlobContainerClient container) : IXmlRepository
{
    /// <summary>The blob the first key of an empty ring is written to.</summary>
    public const string FirstKeyBlob = "key-first.xml";

    private volatile bool _created;
    private volatile bool _sawEmpty;

    /// <summary>The container's name for the task hub <paramref name="hubName"/>.</summary>
    public static string ContainerName(string hubName) => hubName.ToLowerInvariant() + "-keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var ring = Ring();
        var elements = new List<XElement>();
        foreach (var blob in ring.GetBlobs())
        {
            using var content = ring.GetBlobClient(blob.Name).DownloadContent().Value.Content.ToStream();
            elements.Add(XElement.Load(content));
        }

        _sawEmpty = elements.Count == 0;
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // The key manager reads the ring before it makes a key: a key made because the ring was empty is the first key.
        var first = _sawEmpty && element.Name.LocalName == "key";
        var name = first ? FirstKeyBlob : (string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName) + ".xml";
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        try
        {
            // Never overwrite what another instance stored (names are unique, or the one first key).
            Ring().GetBlobClient(name).Upload(content, overwrite: false);
            _sawEmpty = false;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            _sawEmpty = false;
            throw new InvalidOperationException(first
                ? "Another instance made the key ring's first key at the same moment; the ring is read again on the next use."
                : $"The key ring already holds '{name}'.", ex);
        }
    }

    private BlobContainerClient Ring()
    {
        if (!_created)
        {
            container.CreateIfNotExists();
            _created = true;
        }

        return container;
    }
}
