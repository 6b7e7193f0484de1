using System.IO.Compression;
using Azure;
using Azure.Storage.Blobs;

namespace PepFunctions.Durable.Storage;

/// <summary>Blobs for what is too large for a table property or a queue message.</summary>
/// <remarks>Blob names start with the instance id, so purging an instance deletes its blobs by prefix.</remarks>
internal sealed class PayloadStore(BlobContainerClient container)
{
    public async Task<string> UploadAsync(string instanceId, string kind, byte[] content, CancellationToken cancellationToken)
    {
        var name = $"{instanceId}/{kind}-{Guid.NewGuid():N}";
        await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        return name;
    }

    public async Task<byte[]> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var result = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return result.Value.Content.ToArray();
    }

    public async Task<string> UploadTextAsync(string instanceId, string kind, string text, CancellationToken cancellationToken) =>
        await UploadAsync(instanceId, kind, Compress(System.Text.Encoding.UTF8.GetBytes(text)), cancellationToken);

    public async Task<string> DownloadTextAsync(string name, CancellationToken cancellationToken) =>
        System.Text.Encoding.UTF8.GetString(Decompress(await DownloadAsync(name, cancellationToken)));

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
    }

    public async Task DeleteInstanceBlobsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = instanceId + "/" }, cancellationToken))
        {
            await DeleteAsync(blob.Name, cancellationToken);
        }
    }

    public static byte[] Compress(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
