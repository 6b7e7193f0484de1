namespace PepFunctions.App.Files;

/// <summary>A file a member of staff uploads, as the HTTP API or a form received it.</summary>
/// <param name="FileName">The name on the user's machine; informational only.</param>
/// <param name="DeclaredContentType">The content type the browser declared; checked against the content.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="OpenReadStream">Opens the content.</param>
internal sealed record FileUpload(string? FileName, string? DeclaredContentType, long Length, Func<Stream> OpenReadStream)
{
    /// <summary>The upload behind a multipart form field.</summary>
    public static FileUpload From(IFormFile file) => new(file.FileName, file.ContentType, file.Length, file.OpenReadStream);
}

/// <summary>A file read back from storage.</summary>
internal sealed record StoredFile(Stream Content, string ContentType);
