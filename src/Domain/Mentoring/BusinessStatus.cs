namespace PepFunctions.Domain;

/// <summary>Where the person's business stands at a follow-up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BusinessStatus>))]
public enum BusinessStatus
{
    /// <summary>No business yet.</summary>
    NotStarted,

    /// <summary>Getting ready: equipment, raw material, permits, capital.</summary>
    Preparing,

    /// <summary>Making and selling.</summary>
    Running,

    /// <summary>Stopped for now (illness, family, no capital).</summary>
    Paused,

    /// <summary>Given up.</summary>
    Closed,
}
