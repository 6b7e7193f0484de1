using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;

namespace PepFunctions.App.Files;

/// <summary>
/// Certificates and product photos in the hub's <c>-files</c> container, under <c>{caseId}/…</c> so a case's files
/// can be found (and deleted) by prefix.
/// </summary>
/// <remarks>
/// An upload is checked before anything is stored: its size against <see cref="FilesOptions.MaxUploadBytes"/>, and
/// its type by the content's first bytes (not only the declared header). It is stored with the type found in the content.
/// </remarks>
public sealed class FileStore(HubStorage storage, IOptions<FilesOptions> options)
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>Checks <paramref name="upload"/> and stores it as <paramref name="blobName"/>, replacing an earlier one.</summary>
    /// <returns>The content type it was stored with, and a hash of the content (the same file uploaded again has the same).</returns>
    /// <exception cref="RequestValidationException">Empty, too large, or not one of <paramref name="allowed"/>; nothing was stored.</exception>
    public async Task<SavedFile> SaveAsync(string blobName, FileUpload upload, IReadOnlyList<FileType> allowed, string field, CancellationToken cancellationToken)
    {
        var content = await ReadCheckedAsync(upload, field, cancellationToken);
        var type = FileType.Sniff(content.Span);
        var names = string.Join(", ", allowed.Select(t => t.Name));
        if (type is null || !allowed.Contains(type))
        {
            throw new RequestValidationException(field, $"Jenis berkas tidak diterima. The file must be {names}; its content is {type?.Name ?? "none of these"}.");
        }

        if (upload.DeclaredContentType is { Length: > 0 } declared
            && !declared.StartsWith(OctetStream, StringComparison.OrdinalIgnoreCase)
            && !declared.StartsWith(type.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException(field, $"The file is declared as {declared} but its content is {type.Name}.");
        }

        // A photo can say where and when it was taken: its metadata is not kept (Files/ImageMetadata.cs).
        content = ImageMetadata.Strip(type, content);
        var container = await storage.FilesAsync(cancellationToken);
        await container.GetBlobClient(blobName).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = type.ContentType } },
            cancellationToken);
        return new SavedFile(type.ContentType, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.Span)));
    }

    /// <summary>Opens a stored file, or returns <see langword="null"/> when there is none.</summary>
    public async Task<StoredFile?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.FilesAsync(cancellationToken);
        try
        {
            var download = await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return new StoredFile(download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadCheckedAsync(FileUpload upload, string field, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (upload.Length > max)
        {
            throw TooLarge(field, upload.Length, max);
        }

        // The declared length is the client's word; read at most one byte past the limit to be sure.
        await using var stream = upload.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                throw TooLarge(field, buffer.Length, max);
            }
        }

        return buffer.Length == 0
            ? throw new RequestValidationException(field, "Berkas kosong. The file is empty.")
            : buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static RequestValidationException TooLarge(string field, long length, long max) =>
        new(field, string.Create(CultureInfo.InvariantCulture,
            $"Berkas terlalu besar (maksimal {Megabytes(max)} MB). The file is too large: at most {Megabytes(max)} MB is allowed, this one has at least {Megabytes(length)} MB."));

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A file as stored: its content type (from the content) and a SHA-256 of its content, in hex.</summary>
public sealed record SavedFile(string ContentType, string ContentHash);
