using System.Security.Cryptography;
using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Storage;

/// <summary>An instance's state is committed as one entity whatever its size: inline chunks, or a blob beyond them.</summary>
public sealed class InstanceStoreTests
{
    private const int ChunkLimit = 12 * 64 * 1024;

    /// <remarks>
    /// The inline input and custom status are just under the 30,000-character inline limit, so the
    /// entity holds as much beside its state as the store ever puts there.
    /// </remarks>
    [Theory]
    [InlineData(50_000)]
    [InlineData(300_000)]
    [InlineData(600_000)]
    [InlineData(700_000)]
    [InlineData(ChunkLimit - 6_000)]
    [InlineData(ChunkLimit + 100_000)]
    public async Task ReplaceAsync_StateOfGivenCompressedSize_RoundTrips(int compressedBytes)
    {
        await using var hub = await TestHub.StartAsync(_ => { }, workers: 0);
        await hub.GetInternal<TaskHubStorage>().EnsureCreatedAsync();
        var store = hub.GetInternal<InstanceStore>();
        var record = NewRecord("sized");
        Assert.True(await store.TryInsertAsync(record, CancellationToken.None));
        var (document, actualBytes) = DocumentOfCompressedSize(compressedBytes);
        Assert.Equal(compressedBytes <= ChunkLimit, actualBytes <= ChunkLimit);

        record.Input = new string('i', 29_000);
        record.CustomStatus = new string('c', 29_000);
        record.Document = document;
        await store.ReplaceAsync(record, CancellationToken.None);

        var read = await store.GetAsync("sized", withDocument: true, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(document.History.Single(), read.Document.History.Single());
        Assert.Equal(record.Input, read.Input);
        Assert.Equal(record.CustomStatus, read.CustomStatus);
    }

    private static InstanceRecord NewRecord(string id) => new()
    {
        InstanceId = id,
        Name = "Sized",
        Version = "",
        ExecutionId = "0123456789abcdef0123456789abcdef",
        Status = OrchestrationStatus.Running,
        CreatedAt = DateTimeOffset.UtcNow,
        LastUpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>A history whose compressed form is within 0.2 % of <paramref name="compressedBytes"/>.</summary>
    private static (InstanceDocument Document, int CompressedBytes) DocumentOfCompressedSize(int compressedBytes)
    {
        var random = RandomNumberGenerator.GetBytes(compressedBytes * 2);
        var chars = compressedBytes;
        for (var i = 0; i < 8; i++)
        {
            var document = Make(chars);
            var size = PayloadStore.Compress(Json.SerializeToUtf8(document)).Length;
            if (Math.Abs(size - compressedBytes) < compressedBytes / 500)
            {
                return (document, size);
            }

            chars = (int)(chars * (double)compressedBytes / size);
        }

        throw new InvalidOperationException($"Could not make a state of {compressedBytes} compressed bytes.");

        InstanceDocument Make(int length) => new()
        {
            History = [new EventRaised(DateTime.UnixEpoch, "Blob", Convert.ToBase64String(random)[..length], "m")],
        };
    }
}
