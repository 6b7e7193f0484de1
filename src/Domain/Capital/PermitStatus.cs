namespace PepFunctions.Domain;

/// <summary>Where a <see cref="Permit"/> stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermitStatus>))]
public enum PermitStatus
{
    /// <summary>Not applied for yet.</summary>
    NotApplied,

    /// <summary>Applied for; waiting.</summary>
    Applied,

    /// <summary>Granted.</summary>
    Granted,
}
