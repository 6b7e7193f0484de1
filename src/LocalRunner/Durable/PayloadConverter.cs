using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Options;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// How inputs, outputs, custom status and event payloads are written: with the app's own worker serializer
/// (<see cref="WorkerOptions.Serializer"/>), as the Durable Functions worker extension writes them (it wraps that
/// serializer as the SDK's data converter), so the stored instances look the same under either host.
/// </summary>
/// <remarks>
/// Azure/azure-functions-durable-extension, <c>Worker.Extensions.DurableTask</c>: <c>ObjectConverterShim</c> serializes
/// with <c>WorkerOptions.Serializer</c> (the value's runtime type) and deserializes from a UTF-8 stream; without a
/// serializer the SDK's <see cref="JsonDataConverter.Default"/> is used. Pinned by <c>PayloadConverterTests</c>.
/// </remarks>
internal static class PayloadConverter
{
    /// <summary>The converter for the app whose services are <paramref name="appServices"/>.</summary>
    public static DataConverter For(IServiceProvider appServices) =>
        appServices.GetService<IOptions<WorkerOptions>>()?.Value.Serializer is { } serializer
            ? new ObjectSerializerConverter(serializer)
            : JsonDataConverter.Default;

    private sealed class ObjectSerializerConverter(ObjectSerializer serializer) : DataConverter
    {
        public override string? Serialize(object? value) =>
            value is null ? null : serializer.Serialize(value, value.GetType(), default)?.ToString();

        public override object? Deserialize(string? data, Type targetType) =>
            data is null ? null : serializer.Deserialize(BinaryData.FromString(data).ToStream(), targetType, default);
    }
}
