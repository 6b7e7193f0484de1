namespace PepFunctions.Domain;

/// <summary>Whether one more participant may join a training batch.</summary>
/// <param name="Allowed">There is a free place.</param>
/// <param name="Message">Indonesian then English, e.g. how many places are left or that the batch is full.</param>
public sealed record EnrolmentDecision(bool Allowed, string Message);
