namespace PepFunctions.Domain;

/// <summary>How a follow-up was made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactMode>))]
public enum ContactMode
{
    /// <summary>A visit to the person's home or business.</summary>
    InPerson,

    /// <summary>A phone or video call.</summary>
    Phone,
}
