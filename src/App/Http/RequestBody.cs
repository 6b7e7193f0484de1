using System.Text;

namespace PepFunctions.App.Http;

/// <summary>
/// Checks a request's body before anything reads it: its content type against what the route reads (415 otherwise),
/// its declared length against the route's limit (413 without reading a byte), and caps what can be read at that
/// limit, so a body sent without a length (chunked) is cut off at the limit too (413).
/// </summary>
/// <remarks>
/// A body that cannot be read (the client stopped sending, a malformed multipart body) is the client's fault: its read
/// errors are answered 400 (<see cref="ReadAsync{T}"/>), never taken for a storage outage.
/// </remarks>
public static class RequestBody
{
    /// <summary>Whether the request carries a body at all: a length above zero, or one sent in chunks.</summary>
    public static bool HasBody(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
    }

    /// <summary>Requires a JSON content type (<c>application/json</c>, or <c>application/*+json</c>) and a body of at most <paramref name="limitBytes"/>.</summary>
    /// <exception cref="UnsupportedMediaTypeException">The body has another content type, or none.</exception>
    /// <exception cref="PayloadTooLargeException">The declared length is over the limit.</exception>
    public static void RequireJson(HttpRequest request, long limitBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HasBody(request) && !request.HasJsonContentType())
        {
            throw new UnsupportedMediaTypeException(
                $"Send the body as JSON, with Content-Type: application/json (it was {(request.ContentType is { Length: > 0 } type ? $"'{type}'" : "not given")}).");
        }

        Limit(request, limitBytes);
    }

    /// <summary>Caps the body at <paramref name="limitBytes"/>: 413 at once for a larger declared length, and when a read goes past it.</summary>
    /// <exception cref="PayloadTooLargeException">The declared length is over the limit.</exception>
    public static void Limit(HttpRequest request, long limitBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limitBytes)
        {
            throw new PayloadTooLargeException(limitBytes);
        }

        if (request.Body is not BoundedStream)
        {
            request.Body = new BoundedStream(request.Body, limitBytes);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/>, which reads only the request's body, answering a body that cannot be read as the
    /// client's fault: 413 past a limit, 400 otherwise (a malformed multipart body, a client that stopped sending).
    /// </summary>
    /// <exception cref="RequestValidationException">The body cannot be read; <paramref name="field"/> names it.</exception>
    /// <exception cref="PayloadTooLargeException">The body is over a limit.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, string field, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new PayloadTooLargeException(request.ContentLength ?? 0);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException or DecoderFallbackException
            && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new RequestValidationException(field, $"The request body cannot be read: {ex.Message}");
        }
    }

    /// <summary>A read-only view of the body that throws <see cref="PayloadTooLargeException"/> past the limit.</summary>
    private sealed class BoundedStream(Stream inner, long limitBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            // A stream that can seek was buffered and is being read again: count only what is new.
            _read = CanSeek ? Math.Max(_read, inner.Position) : _read + read;
            return _read > limitBytes ? throw new PayloadTooLargeException(limitBytes) : read;
        }
    }
}
