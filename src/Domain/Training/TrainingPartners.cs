namespace PepFunctions.Domain;

/// <summary>The training partners named in the source articles.</summary>
public static class TrainingPartners
{
    /// <summary>The Ministry of Industry's directorate general for small and medium industries; runs <i>bimbingan teknis</i> for new businesses (WUB IKM).</summary>
    public static TrainingPartner DitjenIkma { get; } =
        new("Ditjen IKMA Kemenperin", "Directorate General of Small, Medium and Miscellaneous Industries, Ministry of Industry");

    /// <summary>The batik foundation that trains batik making and dyeing.</summary>
    public static TrainingPartner YayasanBatikIndonesia { get; } =
        new("Yayasan Batik Indonesia", "Indonesian Batik Foundation");

    /// <summary>The ministry behind PEP (<i>Pemberdayaan Ekonomi Perempuan</i>, women's economic empowerment).</summary>
    public static TrainingPartner KemenPppa { get; } =
        new("KemenPPPA", "Ministry of Women's Empowerment and Child Protection");

    /// <summary>Community groups that care for corrections; their members train and mentor.</summary>
    public static TrainingPartner PokmasLipas { get; } =
        new("Pokmas Lipas", "Community groups caring for corrections (Kelompok Masyarakat Peduli Pemasyarakatan)");

    /// <summary>All of them.</summary>
    public static IReadOnlyList<TrainingPartner> Seed { get; } = [DitjenIkma, YayasanBatikIndonesia, KemenPppa, PokmasLipas];
}
