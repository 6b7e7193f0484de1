namespace PepFunctions.Domain;

/// <summary>What kind of organisation provides capital.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FinancingPartnerKind>))]
public enum FinancingPartnerKind
{
    /// <summary>A bank that lends KUR (<i>Kredit Usaha Rakyat</i>, government-subsidised micro-credit); see <see cref="KurTier"/>.</summary>
    KurBank,

    /// <summary>Pegadaian, the state pawnshop company, which also lends to micro businesses.</summary>
    Pegadaian,

    /// <summary>A cooperative (<i>koperasi</i>).</summary>
    Cooperative,

    /// <summary>A grant programme of a ministry, local government or foundation.</summary>
    GrantProgramme,
}
