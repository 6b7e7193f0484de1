using CoreDataConverter = DurableTask.Core.Serializing.DataConverter;
using SdkDataConverter = Microsoft.DurableTask.DataConverter;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// Lets the Durable Task Framework's client serialize inputs and event payloads with the SDK's converter
/// (System.Text.Json), the one the SDK's orchestrator and activity shims read them with. Without it the
/// framework would write them with Newtonsoft.Json.
/// </summary>
internal sealed class DataConverterBridge(SdkDataConverter converter) : CoreDataConverter
{
    public override string Serialize(object value) => converter.Serialize(value) ?? "null";

    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => converter.Deserialize(data, objectType)!;
}
