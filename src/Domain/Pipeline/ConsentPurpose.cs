namespace PepFunctions.Domain;

/// <summary>
/// One purpose a person consents to their data being used for. Criminal records are specific personal data
/// under UU 27/2022 (the personal data protection law), so each use is consented to separately.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentPurpose>))]
public enum ConsentPurpose
{
    /// <summary>Taking part: assessment, training, release planning and mentoring. Required for enrolment.</summary>
    Programme,

    /// <summary>Sharing the case with the Bapas and Pokmas Lipas mentors who follow up after release.</summary>
    ShareWithMentors,

    /// <summary>Sharing what a referral needs with financing partners (banks, Pegadaian).</summary>
    ShareWithFinancingPartners,

    /// <summary>Showing the person's products, without their name, at exhibitions and in catalogues.</summary>
    ProductPromotion,
}
