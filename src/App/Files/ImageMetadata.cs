using System.Buffers.Binary;

namespace PepFunctions.App.Files;

/// <summary>
/// Takes the metadata out of an uploaded photo before it is stored: EXIF (camera, time, GPS position), XMP, IPTC and
/// comments, which can say where and when a person was photographed. The picture itself is not touched (no re-encoding,
/// so no imaging library and no loss of quality).
/// </summary>
/// <remarks>
/// JPEG: the APP1 (EXIF, XMP), APP13 (IPTC) and COM segments go; JFIF, ICC profile and Adobe segments stay. PNG: the
/// <c>eXIf</c>, <c>tEXt</c>, <c>zTXt</c>, <c>iTXt</c> and <c>tIME</c> chunks go. WebP: the <c>EXIF</c> and <c>XMP </c> chunks
/// go and the extended header's flags for them are cleared. A file whose structure does not parse is left as it is (the
/// type check already accepted its first bytes), and so is one without metadata: nothing else is ever changed.
/// </remarks>
internal static class ImageMetadata
{
    /// <summary>The content of a photo of <paramref name="type"/> without its metadata; other types as they are.</summary>
    public static ReadOnlyMemory<byte> Strip(FileType type, ReadOnlyMemory<byte> content) =>
        (type == FileType.Jpeg ? StripJpeg(content.Span)
            : type == FileType.Png ? StripPng(content.Span)
            : type == FileType.WebP ? StripWebP(content.Span)
            : null) ?? content;

    private static byte[]? StripJpeg(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }

        using var kept = new MemoryStream(jpeg.Length);
        kept.Write(jpeg[..2]);
        var removed = false;
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                kept.Write(jpeg.Slice(at, 2));
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(at + 2, 2));
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return null;
            }

            if (marker == 0xDA)
            {
                // Start of scan: the compressed picture follows to the end; nothing after it is metadata we read.
                kept.Write(jpeg[at..]);
                return removed ? kept.ToArray() : null;
            }

            if (marker is 0xE1 or 0xED or 0xFE)
            {
                removed = true;
            }
            else
            {
                kept.Write(jpeg.Slice(at, 2 + length));
            }

            at += 2 + length;
        }

        return null;
    }

    private static readonly string[] PngMetadata = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"];

    private static byte[]? StripPng(ReadOnlySpan<byte> png)
    {
        const int Signature = 8;
        if (png.Length < Signature)
        {
            return null;
        }

        using var kept = new MemoryStream(png.Length);
        kept.Write(png[..Signature]);
        var removed = false;
        var at = Signature;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(at, 4));
            if (length > int.MaxValue - 12 || at + 12 + (long)length > png.Length)
            {
                return null;
            }

            var chunk = png.Slice(at, 12 + (int)length);
            if (PngMetadata.Contains(System.Text.Encoding.ASCII.GetString(chunk.Slice(4, 4))))
            {
                removed = true;
            }
            else
            {
                kept.Write(chunk);
            }

            at += chunk.Length;
        }

        return at == png.Length && removed ? kept.ToArray() : null;
    }

    private static byte[]? StripWebP(ReadOnlySpan<byte> webp)
    {
        const int Header = 12;
        if (webp.Length < Header)
        {
            return null;
        }

        using var kept = new MemoryStream(webp.Length);
        kept.Write(webp[..Header]);
        var removed = false;
        var at = Header;
        while (at + 8 <= webp.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.Slice(at + 4, 4));
            var padded = size + (size & 1);
            if (padded > int.MaxValue - 8 || at + 8 + (long)padded > webp.Length)
            {
                return null;
            }

            var chunk = webp.Slice(at, 8 + (int)padded).ToArray();
            var fourCc = System.Text.Encoding.ASCII.GetString(chunk, 0, 4);
            if (fourCc == "VP8X" && chunk.Length > 8)
            {
                chunk[8] &= 0b1111_0011; // the EXIF (0x08) and XMP (0x04) flags
            }

            if (fourCc is "EXIF" or "XMP ")
            {
                removed = true;
            }
            else
            {
                kept.Write(chunk);
            }

            at += chunk.Length;
        }

        if (at != webp.Length || !removed)
        {
            return null;
        }

        var stripped = kept.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(stripped.AsSpan(4, 4), (uint)(stripped.Length - 8));
        return stripped;
    }
}
