namespace PepFunctions.Domain;

/// <summary>What a Pokmas Lipas (community group for corrections) activity was; the seeds' empowerment activities.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PokmasActivityKind>))]
public enum PokmasActivityKind
{
    /// <summary>Skills training (<i>pelatihan keterampilan</i>).</summary>
    Training,

    /// <summary>Business mentoring (<i>pendampingan usaha</i>).</summary>
    Mentoring,

    /// <summary>Counselling and guidance (<i>penyuluhan, konseling</i>).</summary>
    Counselling,

    /// <summary>An exhibition or market day (<i>pameran, bazar</i>).</summary>
    Exhibition,

    /// <summary>A social or religious gathering (<i>kegiatan sosial, keagamaan</i>).</summary>
    Social,
}
