namespace PepFunctions.App.Files;

/// <summary>A kind of file the app accepts, recognised by its first bytes (magic number).</summary>
/// <param name="ContentType">The MIME type it is stored and served with.</param>
/// <param name="Name">What staff call it in an error message.</param>
public sealed record FileType(string ContentType, string Name)
{
    /// <summary>A PDF document.</summary>
    public static FileType Pdf { get; } = new("application/pdf", "PDF");

    /// <summary>A JPEG image.</summary>
    public static FileType Jpeg { get; } = new("image/jpeg", "JPEG");

    /// <summary>A PNG image.</summary>
    public static FileType Png { get; } = new("image/png", "PNG");

    /// <summary>A WebP image.</summary>
    public static FileType WebP { get; } = new("image/webp", "WebP");

    /// <summary>Training certificates: a scan or a photo.</summary>
    public static IReadOnlyList<FileType> Certificate { get; } = [Pdf, Jpeg, Png];

    /// <summary>Product photos.</summary>
    public static IReadOnlyList<FileType> Photo { get; } = [Jpeg, Png, WebP];

    /// <summary>The type the content's first bytes announce, or <see langword="null"/> when it is none of the known ones.</summary>
    public static FileType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }
}
