using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// How inputs, outputs, custom status and event payloads are written: as the Functions worker writes them (its
/// default serializer: System.Text.Json, camelCase names, read case-insensitively), so the stored instances look the
/// same under either host.
/// </summary>
internal static class PayloadConverter
{
    public static DataConverter Instance { get; } = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
