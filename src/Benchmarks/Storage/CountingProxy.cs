using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PepFunctions.Benchmarks.Storage;

/// <summary>
/// A reverse proxy in front of Azurite that counts every HTTP request passing through it, by service and method:
/// whoever sends it (the engine, the app's own table and blob clients, retries included) is counted alike.
/// </summary>
/// <remarks>
/// It works on the TCP stream: it reads each request's head to count it and find its length (Content-Length or
/// chunked), forwards the bytes unchanged and pipes the answers back untouched. So it adds one loopback hop per
/// request and almost no work; keep-alive connections stay open as the clients opened them.
/// </remarks>
internal sealed partial class CountingProxy : IAsyncDisposable
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] EndOfLine = "\r\n"u8.ToArray();
    private readonly List<(TcpListener Listener, Task Accepting)> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly RequestCounter _counter = new();

    private CountingProxy()
    {
    }

    /// <summary>Counts so far.</summary>
    public RequestCounts Counts => _counter.Snapshot();

    /// <summary>Where the proxy listens for each service.</summary>
    public IReadOnlyDictionary<StorageService, int> Ports { get; private set; } = new Dictionary<StorageService, int>();

    /// <summary>Listens on a free loopback port for each of <paramref name="upstream"/>'s services and forwards to it.</summary>
    public static CountingProxy Start(IReadOnlyDictionary<StorageService, int> upstream)
    {
        var proxy = new CountingProxy();
        var ports = new Dictionary<StorageService, int>();
        foreach (var (service, port) in upstream)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(512);
            ports[service] = ((IPEndPoint)listener.LocalEndpoint).Port;
            proxy._listeners.Add((listener, proxy.AcceptAsync(listener, service, port)));
        }

        proxy.Ports = ports;
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var (listener, accepting) in _listeners)
        {
            listener.Stop();
            await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, StorageService service, int upstreamPort)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, service, upstreamPort));
        }
    }

    private async Task ServeAsync(Socket client, StorageService service, int upstreamPort)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        await using var clientStream = new NetworkStream(client, ownsSocket: true);
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, _stopping.Token);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            var answers = upstreamStream.CopyToAsync(clientStream, _stopping.Token);
            var requests = ForwardRequestsAsync(PipeReader.Create(clientStream), upstreamStream, service);
            await Task.WhenAny(answers, requests);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side closed the connection: close the other.
        }
    }

    private async Task ForwardRequestsAsync(PipeReader reader, Stream upstream, StorageService service)
    {
        while (await ReadHeadAsync(reader, upstream) is { } head)
        {
            _counter.Add(service, head.Method, head.Resource);
            var forwarded = head.Chunked
                ? await ForwardChunkedAsync(reader, upstream)
                : await ForwardBytesAsync(reader, upstream, head.ContentLength);
            if (!forwarded)
            {
                return;
            }
        }
    }

    /// <summary>Reads and forwards one request head; null when the client closed the connection.</summary>
    private static async Task<RequestHead?> ReadHeadAsync(PipeReader reader, Stream upstream)
    {
        if (await ReadThroughAsync(reader, upstream, EndOfHead) is not { } head)
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(head);
        var requestLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
        long length = 0;
        var chunked = false;
        foreach (var line in text.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        return new RequestHead(requestLine[0], Resource(requestLine.ElementAtOrDefault(1) ?? ""), length, chunked);
    }

    private static async Task<bool> ForwardChunkedAsync(PipeReader reader, Stream upstream)
    {
        while (await ReadThroughAsync(reader, upstream, EndOfLine) is { } line)
        {
            var size = Encoding.ASCII.GetString(line).TrimEnd('\r', '\n').Split(';')[0];
            var bytes = Convert.ToInt64(size, 16);
            if (bytes == 0)
            {
                // Trailers, if any, then the empty line that ends the body.
                while (await ReadThroughAsync(reader, upstream, EndOfLine) is { } trailer)
                {
                    if (trailer.Length == EndOfLine.Length)
                    {
                        return true;
                    }
                }

                return false;
            }

            if (!await ForwardBytesAsync(reader, upstream, bytes + EndOfLine.Length))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Forwards everything up to and including <paramref name="delimiter"/> and returns it; null at the end of the stream.</summary>
    private static async Task<byte[]?> ReadThroughAsync(PipeReader reader, Stream upstream, byte[] delimiter)
    {
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            if (Find(buffer, delimiter) is { } end)
            {
                var bytes = buffer.Slice(0, end).ToArray();
                await upstream.WriteAsync(bytes);
                reader.AdvanceTo(end);
                return bytes;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Where <paramref name="delimiter"/> ends in <paramref name="buffer"/>, if it is there.</summary>
    private static SequencePosition? Find(ReadOnlySequence<byte> buffer, byte[] delimiter)
    {
        var sequence = new SequenceReader<byte>(buffer);
        return sequence.TryReadTo(out ReadOnlySequence<byte> _, delimiter, advancePastDelimiter: true) ? sequence.Position : null;
    }

    private static async Task<bool> ForwardBytesAsync(PipeReader reader, Stream upstream, long count)
    {
        while (count > 0)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            var take = buffer.Slice(0, Math.Min(buffer.Length, count));
            foreach (var segment in take)
            {
                await upstream.WriteAsync(segment);
            }

            count -= take.Length;
            reader.AdvanceTo(take.End);
            if (count > 0 && result.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The table, queue or container a request targets, without the benchmark's task hub name:
    /// <c>/devstoreaccount1/bengine0123abcdHistory(PartitionKey='x',RowKey='')</c> is <c>History</c>,
    /// <c>/devstoreaccount1/bengine0123abcd-control-02/messages</c> is <c>-control</c> (all partitions together).
    /// </summary>
    private static string Resource(string target)
    {
        var path = target.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = path.Length > 1 ? path[1] : "(account)";
        name = name.Split('(')[0];
        var resource = HubName().Replace(name, "", 1);
        return resource.Length == 0 ? name : ControlQueue().Replace(resource, "-control");
    }

    [System.Text.RegularExpressions.GeneratedRegex("-control-[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex ControlQueue();

    [System.Text.RegularExpressions.GeneratedRegex("^b(?:engine|staff|bulk|steps|idle|scale)[0-9a-f]+")]
    private static partial System.Text.RegularExpressions.Regex HubName();

    private sealed record RequestHead(string Method, string Resource, long ContentLength, bool Chunked);
}
