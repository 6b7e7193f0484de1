namespace PepFunctions.Domain;

/// <summary>The business's monthly income, in bands so no exact figure is recorded.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncomeBand>))]
public enum IncomeBand
{
    /// <summary>No income.</summary>
    None,

    /// <summary>Under Rp1 juta (one million rupiah) a month.</summary>
    Below1M,

    /// <summary>Rp1 juta up to Rp3 juta a month.</summary>
    From1To3M,

    /// <summary>Rp3 juta up to Rp5 juta a month.</summary>
    From3To5M,

    /// <summary>Over Rp5 juta a month.</summary>
    Above5M,
}
