namespace PepFunctions.Domain;

/// <summary>The highest schooling a person completed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EducationLevel>))]
public enum EducationLevel
{
    /// <summary>No completed schooling.</summary>
    None,

    /// <summary>SD (<i>sekolah dasar</i>), primary school.</summary>
    Primary,

    /// <summary>SMP (<i>sekolah menengah pertama</i>), junior secondary school.</summary>
    JuniorSecondary,

    /// <summary>SMA/SMK, senior secondary or vocational school.</summary>
    SeniorSecondary,

    /// <summary>A diploma or university degree.</summary>
    Tertiary,
}
