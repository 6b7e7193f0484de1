namespace PepFunctions.Domain;

/// <summary>A person's recorded consent: the lawful basis for processing their data.</summary>
/// <param name="RecordedBy">Username of the staff member who took the consent.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="Scope">The purposes consented to; must include <see cref="ConsentPurpose.Programme"/>.</param>
public sealed record Consent(string RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<ConsentPurpose> Scope)
{
    /// <summary>Whether <paramref name="purpose"/> is consented to.</summary>
    public bool Covers(ConsentPurpose purpose) => Scope?.Contains(purpose) == true;
}
