using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;

namespace PepFunctions.App.Files;

/// <summary>A file a member of staff uploads, as the HTTP API or a form received it.</summary>
/// <param name="FileName">The name on the user's machine; informational only.</param>
/// <param name="DeclaredContentType">The content type the browser declared; checked against the content.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="OpenReadStream">Opens the content.</param>
public sealed record FileUpload(string? FileName, string? DeclaredContentType, long Length, Func<Stream> OpenReadStream)
{
    /// <summary>What a multipart body may hold beyond the file itself: boundaries, part headers, small fields.</summary>
    public const int FormOverheadBytes = 64 * 1024;

    /// <summary>The multipart field an API request carries the file in.</summary>
    public const string Field = "file";

    /// <summary>The upload behind a multipart form field.</summary>
    public static FileUpload From(IFormFile file) => new(file.FileName, file.ContentType, file.Length, file.OpenReadStream);

    /// <summary>The upload in the multipart field <c>file</c> of an API request; a 400 naming the field when it is missing.</summary>
    /// <exception cref="RequestValidationException">There is no such field.</exception>
    public static FileUpload Required(IFormFile? file, string what) => file is null
        ? throw new RequestValidationException(Field, $"Attach the {what} as the multipart field '{Field}'.")
        : From(file);

    /// <summary>
    /// Runs <paramref name="save"/> with the upload in the multipart field <c>file</c> of <paramref name="request"/>:
    /// 415 when the request is not <c>multipart/form-data</c> (as form binding answered), 400 naming the field when
    /// the field is missing or the body cannot be read, 413 (before reading) for a body over the upload limit.
    /// </summary>
    public static async Task<IResult> SaveRequiredAsync(
        HttpRequest request, string what, Func<FileUpload, Task<IResult>> save, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem($"Send the {what} as multipart/form-data, in the field '{Field}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // The file's limit plus room for the form's own parts: a larger body is 413 before a byte of it is read.
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<FilesOptions>>().Value.MaxUploadBytes + FormOverheadBytes;
        RequestBody.Limit(request, limit);
        var form = await RequestBody.ReadAsync(request, Field, () => request.ReadFormAsync(cancellationToken));

        return await save(Required(form.Files.GetFile(Field), what));
    }
}

/// <summary>A file read back from storage.</summary>
/// <param name="Content">The file's content, to be disposed of by the reader.</param>
/// <param name="ContentType">The content type it was stored with.</param>
public sealed record StoredFile(Stream Content, string ContentType)
{
    /// <summary>
    /// The file as an HTTP response with its content type, as a download (<c>Content-Disposition: attachment</c>, an
    /// opaque name): a browser saves it rather than showing it in the app's origin.
    /// </summary>
    public FileStreamHttpResult ToResult() => TypedResults.Stream(Content, ContentType, fileDownloadName: "file" + Extension(ContentType));

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => "",
    };
}
