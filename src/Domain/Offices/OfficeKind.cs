namespace PepFunctions.Domain;

/// <summary>What kind of corrections office an <see cref="Office"/> is.</summary>
/// <remarks>Lapas, Rutan and Bapas are UPTs (<i>unit pelaksana teknis</i>, the working units); a Kanwil sits over the UPTs of one province, and Ditjenpas over every Kanwil.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<OfficeKind>))]
public enum OfficeKind
{
    /// <summary><i>Lembaga Pemasyarakatan</i>: a prison, where people serve their sentence (WBP, <i>warga binaan pemasyarakatan</i>).</summary>
    Lapas,

    /// <summary><i>Rumah Tahanan</i>: a remand centre.</summary>
    Rutan,

    /// <summary><i>Balai Pemasyarakatan</i>: the probation office whose officers (PK, <i>Pembimbing Kemasyarakatan</i>) guide and supervise people after release.</summary>
    Bapas,

    /// <summary><i>Kantor Wilayah</i>: the regional office over the UPTs of one province.</summary>
    Kanwil,

    /// <summary><i>Direktorat Jenderal Pemasyarakatan</i>: the Directorate General of Corrections, the national level.</summary>
    Ditjenpas,
}
