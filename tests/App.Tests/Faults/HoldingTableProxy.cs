using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// A loopback proxy in front of Azurite's table service that, once armed, holds the first write to a chosen table (never
/// forwards it, never answers): the process that sent it stands still just before that write, where a <c>kill -9</c>
/// then cuts it off.
/// </summary>
/// <remarks>
/// It reads each request's head (the Azure SDK sends table requests with a Content-Length, never chunked), decides,
/// and forwards the head and body unchanged; answers are piped back untouched.
/// </remarks>
internal sealed class HoldingTableProxy : IAsyncDisposable
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _upstreamPort;
    private readonly Task _accepting;
    private string? _armedFor;
    private TaskCompletionSource<string> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HoldingTableProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start(256);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Holds the next write (PUT, POST, MERGE, PATCH, DELETE) whose path names the table ending in <paramref name="table"/>.</summary>
    /// <returns>Completes with the held request's line once one is held.</returns>
    public Task<string> HoldNextWriteTo(string table)
    {
        _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _armedFor, table);
        return _held.Task;
    }

    /// <summary>Forwards everything from now on (a held request stays held until its sender is gone).</summary>
    public void Disarm() => Volatile.Write(ref _armedFor, null);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await using var clientStream = new NetworkStream(client, ownsSocket: true);
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stopping.Token);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            var answers = upstreamStream.CopyToAsync(clientStream, _stopping.Token);
            var requests = ForwardAsync(PipeReader.Create(clientStream), upstreamStream);
            await Task.WhenAny(answers, requests);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side closed the connection: close the other.
        }
    }

    private async Task ForwardAsync(PipeReader reader, Stream upstream)
    {
        while (true)
        {
            var result = await reader.ReadAsync(_stopping.Token);
            var buffer = result.Buffer;
            if (EndOf(buffer) is not { } end)
            {
                if (result.IsCompleted)
                {
                    return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            var head = buffer.Slice(0, end).ToArray();
            var text = Encoding.ASCII.GetString(head);
            var requestLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
            if (IsHeld(requestLine))
            {
                _held.TrySetResult(requestLine);
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }

            await upstream.WriteAsync(head, _stopping.Token);
            reader.AdvanceTo(end);
            var length = ContentLength(text);
            while (length > 0)
            {
                var body = await reader.ReadAsync(_stopping.Token);
                var take = body.Buffer.Slice(0, Math.Min(body.Buffer.Length, length));
                foreach (var segment in take)
                {
                    await upstream.WriteAsync(segment, _stopping.Token);
                }

                length -= take.Length;
                reader.AdvanceTo(take.End);
                if (length > 0 && body.IsCompleted)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Where the request head ends in <paramref name="buffer"/>, if it is there.</summary>
    private static SequencePosition? EndOf(ReadOnlySequence<byte> buffer)
    {
        var sequence = new SequenceReader<byte>(buffer);
        return sequence.TryReadTo(out ReadOnlySequence<byte> _, EndOfHead, advancePastDelimiter: true) ? sequence.Position : null;
    }

    private bool IsHeld(string requestLine)
    {
        var table = Volatile.Read(ref _armedFor);
        var parts = requestLine.Split(' ');
        if (table is null || parts.Length < 2 || parts[0] is "GET" or "HEAD")
        {
            return false;
        }

        var path = Uri.UnescapeDataString(parts[1].Split('?')[0]);
        var name = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.Split('(')[0] ?? "";
        if (!name.EndsWith(table, StringComparison.Ordinal))
        {
            return false;
        }

        // Only the first such write is held, even when two come at once.
        return Interlocked.CompareExchange(ref _armedFor, null, table) == table;
    }

    private static long ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                return long.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (colon > 0 && line[..colon].Trim().Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException("The holding proxy forwards requests with a Content-Length only.");
            }
        }

        return 0;
    }
}
