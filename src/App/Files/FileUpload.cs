using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>The upload in the multipart field <c>file</c> of an API request; a 400 naming the field when it is missing.</summary>
    public static FileUpload Required(IFormFile? file, string what) => file is null
        ? throw new Http.RequestValidationException("file", $"Attach the {what} as the multipart field 'file'.")
        : From(file);
}

/// <summary>A file read back from storage.</summary>
internal sealed record StoredFile(Stream Content, string ContentType)
{
    /// <summary>The file as an HTTP response with its content type.</summary>
    public FileStreamHttpResult ToResult() => TypedResults.Stream(Content, ContentType);
}
