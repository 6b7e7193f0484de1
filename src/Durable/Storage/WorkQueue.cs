using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace PepFunctions.Durable.Storage;

/// <summary>A work message as received from the queue, with what is needed to delete or release it.</summary>
internal sealed record ReceivedMessage(WorkMessage Message, string QueueMessageId, string PopReceipt, long DequeueCount);

/// <summary>The task hub's work queue: messages that wake instances (start, events, control, sub-orchestration results).</summary>
internal sealed class WorkQueue(QueueClient queue, PayloadStore payloads)
{
    // Queue messages hold 64 KiB; payloads above this go to a blob and the message carries its name.
    private const int MaxInlinePayloadChars = 40_000;

    public async Task SendAsync(WorkMessage message, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
    {
        if (message.Payload is { Length: > MaxInlinePayloadChars } payload)
        {
            var blob = await payloads.UploadTextAsync(message.InstanceId, "message", payload, cancellationToken);
            message = message with { Payload = null, PayloadBlob = blob };
        }

        await queue.SendMessageAsync(Json.Serialize(message), visibilityDelay, TimeSpan.FromSeconds(-1), cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken);
        var received = new List<ReceivedMessage>(response.Value.Length);
        foreach (var message in response.Value)
        {
            received.Add(new ReceivedMessage(Parse(message), message.MessageId, message.PopReceipt, message.DequeueCount));
        }

        return received;
    }

    /// <summary>Reads a blob-held payload back into the message.</summary>
    public async Task<WorkMessage> ResolvePayloadAsync(WorkMessage message, CancellationToken cancellationToken) =>
        message.PayloadBlob is { } blob
            ? message with { Payload = await payloads.DownloadTextAsync(blob, cancellationToken), PayloadBlob = null }
            : message;

    public async Task DeleteAsync(ReceivedMessage received, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(received.QueueMessageId, received.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Its visibility ran out and another worker took it: that worker will find it already applied.
        }
    }

    /// <summary>Makes the message visible again after <paramref name="delay"/>, recording why it failed.</summary>
    public async Task ReleaseAsync(ReceivedMessage received, TimeSpan delay, string? error, CancellationToken cancellationToken)
    {
        try
        {
            var content = error is null ? null : Json.Serialize(received.Message with { LastError = Truncate(error) });
            await queue.UpdateMessageAsync(received.QueueMessageId, received.PopReceipt, content, delay, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Already released by its visibility timeout; nothing to do.
        }
    }

    private static WorkMessage Parse(QueueMessage message)
    {
        try
        {
            return Json.Deserialize<WorkMessage>(message.Body.ToString());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not ours or damaged: hand it on as a message that can only be dead-lettered, with the reason.
            return new WorkMessage
            {
                Kind = MessageKind.Event,
                InstanceId = "",
                Id = message.MessageId,
                Payload = Truncate(message.Body.ToString()),
                LastError = $"Unreadable message: {ex.Message}",
            };
        }
    }

    internal static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
