namespace PepFunctions.Domain;

/// <summary>What a member of staff does in the programme; decides what they may see and do (<see cref="AccessPolicy"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))]
public enum StaffRole
{
    /// <summary>Lapas staff, e.g. the <i>Kasi Binadik dan Giatja</i> section that runs training and work: enrol, assess, train, release.</summary>
    LapasOfficer,

    /// <summary>A PK (<i>Pembimbing Kemasyarakatan</i>) at a Bapas: guides and supervises people after release.</summary>
    BapasOfficer,

    /// <summary>A member of a Pokmas Lipas (<i>Kelompok Masyarakat Peduli Pemasyarakatan</i>), a community group that mentors people after release.</summary>
    PokmasMentor,

    /// <summary>Staff at a Kanwil (regional office): sees every office in the province and follows the figures.</summary>
    KanwilCoordinator,

    /// <summary>National staff at Ditjenpas who curate the <i>produk unggulan</i> (flagship products) the UPTs nominate.</summary>
    NationalCurator,

    /// <summary>Runs the system: sees and may do everything.</summary>
    Administrator,
}
