using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PepFunctions.App.Files;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Files;

public sealed class ImageMetadataTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    private static readonly byte[] Gps = "GPSLatitude -10.1772 GPSLongitude 123.6070"u8.ToArray();

    [Fact]
    public void Strip_JpegWithExifAndComment_KeepsJfifAndThePicture()
    {
        byte[] jpeg = [0xFF, 0xD8, .. Segment(0xE0, "JFIF\0"u8), .. Segment(0xE1, [.. "Exif\0\0"u8, .. Gps]), .. Segment(0xFE, "Maria"u8),
            .. Segment(0xDA, [1, 2, 3]), 0x11, 0x22, 0xFF, 0xD9];

        var stripped = ImageMetadata.Strip(FileType.Jpeg, jpeg).ToArray();

        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(stripped), StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", Encoding.ASCII.GetString(stripped), StringComparison.Ordinal);
        Assert.Equal([0xFF, 0xD8, .. Segment(0xE0, "JFIF\0"u8), .. Segment(0xDA, [1, 2, 3]), 0x11, 0x22, 0xFF, 0xD9], stripped);
    }

    [Fact]
    public void Strip_PngWithTextChunk_KeepsTheOtherChunks()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] png = [.. signature, .. Chunk("IHDR", new byte[13]), .. Chunk("tEXt", "Author\0Maria"u8), .. Chunk("eXIf", Gps), .. Chunk("IEND", [])];

        var stripped = ImageMetadata.Strip(FileType.Png, png).ToArray();

        Assert.Equal([.. signature, .. Chunk("IHDR", new byte[13]), .. Chunk("IEND", [])], stripped);
    }

    [Fact]
    public void Strip_WebPWithExifChunk_DropsItClearsTheFlagAndFixesTheSize()
    {
        byte[] vp8x = [0b0000_1100, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var webp = WebP([.. RiffChunk("VP8X", vp8x), .. RiffChunk("VP8 ", [1, 2, 3, 4]), .. RiffChunk("EXIF", Gps), .. RiffChunk("XMP ", "<x/>"u8)]);

        var stripped = ImageMetadata.Strip(FileType.WebP, webp).ToArray();

        Assert.Equal(WebP([.. RiffChunk("VP8X", [0, .. vp8x[1..]]), .. RiffChunk("VP8 ", [1, 2, 3, 4])]), stripped);
    }

    [Fact]
    public void Strip_WebPWithoutMetadata_IsLeftAsItIsEvenWithAnOddHeader()
    {
        byte[] webp = [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];

        Assert.Equal(webp, ImageMetadata.Strip(FileType.WebP, webp).ToArray());
    }

    [Fact]
    public void Strip_JpegThatDoesNotParse_IsLeftAsItIs()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x7F, 0xFF, 1, 2];

        Assert.Equal(jpeg, ImageMetadata.Strip(FileType.Jpeg, jpeg).ToArray());
    }

    [Fact]
    public async Task UploadPhoto_JpegWithGpsInItsExif_IsServedBackWithoutIt()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        using var added = await lapas.PostAsJsonAsync($"/api/cases/{caseId}/products", new { name = "Tenun", category = "Textile", description = "Tenun ikat", priceRupiah = 100_000 });
        var productId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("productId").GetString();
        byte[] jpeg = [0xFF, 0xD8, .. Segment(0xE1, [.. "Exif\0\0"u8, .. Gps]), .. Segment(0xDA, [1, 2, 3]), 0x11, 0xFF, 0xD9];
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");

        using var uploaded = await lapas.PostAsync($"/api/cases/{caseId}/products/{productId}/photo", new MultipartFormDataContent { { file, "file", "photo.jpg" } });
        var served = await lapas.GetByteArrayAsync($"/api/cases/{caseId}/products/{productId}/photo");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(served), StringComparison.Ordinal);
        Assert.Equal([0xFF, 0xD8, .. Segment(0xDA, [1, 2, 3]), 0x11, 0xFF, 0xD9], served);
    }

    private static byte[] Segment(byte marker, ReadOnlySpan<byte> data)
    {
        var segment = new byte[4 + data.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(data.Length + 2));
        data.CopyTo(segment.AsSpan(4));
        return segment;
    }

    private static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk.AsSpan(8));
        return chunk;
    }

    private static byte[] RiffChunk(string fourCc, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk.AsSpan(8));
        return chunk;
    }

    private static byte[] WebP(byte[] chunks)
    {
        byte[] file = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. chunks];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        return file;
    }
}
