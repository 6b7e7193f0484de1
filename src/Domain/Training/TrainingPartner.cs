namespace PepFunctions.Domain;

/// <summary>An organisation that trains participants.</summary>
/// <param name="Name">The name staff use, e.g. <c>Yayasan Batik Indonesia</c>.</param>
/// <param name="Description">Who they are, in English.</param>
public sealed record TrainingPartner(string Name, string Description);
