using System.Text.Json;
using System.Text.Json.Serialization;

namespace PepFunctions.Durable;

/// <summary>Turns inputs, outputs and events into JSON text and back.</summary>
public sealed class JsonDataConverter
{
    /// <summary>The converter the runtime uses: web defaults (camelCase), enums as strings.</summary>
    public static JsonDataConverter Default { get; } = new();

    private readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serializes a value; null stays null.</summary>
    /// <exception cref="PayloadSerializationException">The value cannot be serialized.</exception>
    public string? Serialize(object? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Serialize(value, value.GetType(), _options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new PayloadSerializationException($"A value of type {value.GetType().Name} cannot be serialized to JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Deserializes JSON text; null text gives the type's default.</summary>
    public object? Deserialize(string? json, Type type)
    {
        if (json is null)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type, _options);
        }
        catch (JsonException ex)
        {
            throw new PayloadSerializationException($"The JSON payload cannot be read as {type.Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Deserializes JSON text.</summary>
    public T? Deserialize<T>(string? json) => (T?)Deserialize(json, typeof(T));
}

/// <summary>A payload cannot be serialized or deserialized.</summary>
public sealed class PayloadSerializationException(string message, Exception inner) : Exception(message, inner);
